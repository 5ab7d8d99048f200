using Orleans;

namespace ParkingGrains.Grains.Interfaces.Slots;

/// <summary>
/// One status message of a slot sensor (MQTT parking/{lot}/spots/{spot}/status). <paramref name="Sequence"/> is the
/// sensor's own counter, used to drop duplicates and out-of-order deliveries.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record SensorReading(
    [property: Id(0)] string SensorId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] bool Occupied,
    [property: Id(3)] double? DistanceCm,
    [property: Id(4)] double? BatteryVolts,
    [property: Id(5)] DateTimeOffset Time);
