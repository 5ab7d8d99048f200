using ParkingGrains.Grains.Interfaces.Slots;

namespace ParkingGrains.Grains.Slots.Events;

/// <summary>
/// <paramref name="Readings"/> consecutive readings of <paramref name="Dropped"/> were not confirmed and were
/// dropped; <paramref name="Reading"/> is the reading that ended the run.
/// </summary>
public sealed record SensorFlapSuppressed(SensorReading Reading, bool Dropped, int Readings, DateTimeOffset OccurredAt) : SlotEvent(OccurredAt);
