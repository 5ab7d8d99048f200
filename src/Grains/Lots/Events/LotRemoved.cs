namespace ParkingGrains.Grains.Lots.Events;

/// <summary>The lot's configuration was removed by an admin; its log (the history) and ticket counter stay.</summary>
public sealed record LotRemoved(DateTimeOffset OccurredAt) : LotEvent(OccurredAt);
