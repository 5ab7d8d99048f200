namespace ParkingGrains.Runtime.Core;

internal enum ActivationState
{
    Activating,
    Valid,
    Deactivating,
    Invalid,
}
