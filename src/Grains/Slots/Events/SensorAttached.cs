using ParkingGrains.Grains.Interfaces.Slots;

namespace ParkingGrains.Grains.Slots.Events;

/// <summary>
/// The first reading of a sensor on this slot (a new slot, or a replacement of <paramref name="PreviousSensorId"/>):
/// the sensor's sequence, battery and liveness start afresh from <paramref name="Reading"/>.
/// </summary>
public sealed record SensorAttached(SensorReading Reading, string? PreviousSensorId, DateTimeOffset OccurredAt) : SlotEvent(OccurredAt);
