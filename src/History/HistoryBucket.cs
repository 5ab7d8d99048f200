namespace ParkingGrains.History;

/// <summary>The width of a report bucket, in the lot's local wall-clock time.</summary>
public enum HistoryBucket
{
    Day = 0,
    Hour = 1,
}
