using ParkingGrains.Grains.Interfaces.Slots;

namespace ParkingGrains.Grains.Slots.Events;

/// <summary>A confirmed occupancy change; <paramref name="Reading"/> is the reading that confirmed it.</summary>
public sealed record SensorOccupancyChanged(SensorReading Reading, bool? Previous, DateTimeOffset OccurredAt) : SlotEvent(OccurredAt);
