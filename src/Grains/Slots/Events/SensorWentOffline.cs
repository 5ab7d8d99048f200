namespace ParkingGrains.Grains.Slots.Events;

/// <summary>No heartbeat or reading since <paramref name="LastSeen"/> for the whole offline window.</summary>
public sealed record SensorWentOffline(string SensorId, DateTimeOffset? LastSeen, DateTimeOffset OccurredAt) : SlotEvent(OccurredAt);
