namespace ParkingGrains.Runtime;

/// <summary>When a reminder tick was due and when it actually fired.</summary>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
