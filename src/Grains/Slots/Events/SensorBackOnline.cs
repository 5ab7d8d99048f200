namespace ParkingGrains.Grains.Slots.Events;

/// <summary>A sensor recorded as offline was heard from again.</summary>
public sealed record SensorBackOnline(string SensorId, DateTimeOffset OccurredAt) : SlotEvent(OccurredAt);
