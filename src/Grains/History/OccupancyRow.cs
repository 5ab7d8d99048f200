using ParkingGrains.Grains.Interfaces;

namespace ParkingGrains.Grains.History;

/// <summary>
/// One lot's movements in one bucket (local wall-clock start) and the vehicles inside at its end: everything that
/// entered before the end minus everything that left or was force-closed. <see cref="VehicleClass"/> is null unless
/// the query split by class.
/// </summary>
public sealed record OccupancyRow(
    DateTime Bucket,
    string LotId,
    VehicleClass? VehicleClass,
    long Entries,
    long Exits,
    long ForceClosed,
    long InsideAtEnd);
