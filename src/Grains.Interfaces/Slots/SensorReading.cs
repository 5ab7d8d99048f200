namespace ParkingGrains.Grains.Interfaces.Slots;

/// <summary>
/// One status message of a slot sensor (MQTT parking/{lot}/spots/{spot}/status). <paramref name="Sequence"/> is the
/// sensor's own counter, used to drop duplicates and out-of-order deliveries.
/// </summary>
public sealed record SensorReading(
    string SensorId,
    long Sequence,
    bool Occupied,
    double? DistanceCm,
    double? BatteryVolts,
    DateTimeOffset Time);
