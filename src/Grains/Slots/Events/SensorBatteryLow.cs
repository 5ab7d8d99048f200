using ParkingGrains.Grains.Interfaces.Slots;

namespace ParkingGrains.Grains.Slots.Events;

public sealed record SensorBatteryLow(SensorReading Reading, DateTimeOffset OccurredAt) : SlotEvent(OccurredAt);
