namespace ParkingGrains.Grains.Lots;

/// <summary>When a command id was first decided, so dedup records can be dropped after the retention period.</summary>
public sealed record DedupEntry(string Key, DateTimeOffset At);
