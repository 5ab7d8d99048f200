using ParkingGrains.Grains.Interfaces.Slots;

namespace ParkingGrains.Grains.Slots.Events;

public sealed record SensorBatteryRecovered(SensorReading Reading, DateTimeOffset OccurredAt) : SlotEvent(OccurredAt);
