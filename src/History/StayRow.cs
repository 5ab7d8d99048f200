using ParkingGrains.Grains.Interfaces;

namespace ParkingGrains.History;

/// <summary>Stays that ended in one bucket (local wall-clock start); durations are entry to exit (or force-close).</summary>
public sealed record StayRow(
    DateTime Bucket,
    string LotId,
    VehicleClass? VehicleClass,
    long Stays,
    long ForceClosed,
    TimeSpan AverageDuration,
    TimeSpan MedianDuration);
