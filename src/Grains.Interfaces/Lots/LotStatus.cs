namespace ParkingGrains.Grains.Interfaces.Lots;

public sealed record LotStatus(
    string LotId,
    string Name,
    bool Configured,
    IReadOnlyDictionary<VehicleClass, ClassCounts> Classes,
    int ActiveSessions,
    long Version);
