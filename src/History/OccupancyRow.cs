using ParkingGrains.Grains.Interfaces;

namespace ParkingGrains.History;

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
    long InsideAtEnd)
{
    /// <summary>
    /// The most vehicles inside at any moment of the bucket, its start included; null for a bucket that has not begun
    /// yet. The end of a bucket says little about a day (a garage is empty at midnight); the peak says how full it got.
    /// </summary>
    public long? PeakInside { get; init; }

    /// <summary>
    /// Vehicles inside on average, weighted by time, over the part of the bucket that lies in the range and has passed
    /// (the current hour or day counts up to now), rounded to 1/10,000 so both engines give the same number; null for a
    /// bucket that has not begun yet.
    /// </summary>
    public double? AverageInside { get; init; }
}
