namespace ParkingGrains.Grains.Gates;

/// <summary>The gate left the layout of <paramref name="LotId"/>.</summary>
public sealed record GateUnassigned(string LotId, DateTimeOffset OccurredAt) : GateEvent(OccurredAt);
