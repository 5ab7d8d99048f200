namespace ParkingGrains.Runtime.Messaging;

internal enum ConnectionRole : byte
{
    Silo = 1,
    Client = 2,
}
