namespace ParkingGrains.Runtime.Core;

/// <summary>A grain's injected state, loaded by the runtime before OnActivateAsync.</summary>
internal interface IPersistentStateLoader
{
    Task ReadStateAsync();
}
