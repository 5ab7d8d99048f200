using Orleans;

namespace ParkingGrains.Grains.Interfaces.Slots;

/// <summary>
/// The slot's sensor as seen by the platform. <paramref name="Occupied"/> is the debounced (confirmed) value, null
/// until a first value is confirmed; <paramref name="Online"/> means a heartbeat or reading arrived within the
/// offline window; <paramref name="FlapsSuppressed"/> counts unconfirmed changes that were dropped.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record SensorState(
    [property: Id(0)] string SlotId,
    [property: Id(1)] string? SensorId,
    [property: Id(2)] bool? Occupied,
    [property: Id(3)] DateTimeOffset? LastReading,
    [property: Id(4)] DateTimeOffset? LastHeartbeat,
    [property: Id(5)] bool Online,
    [property: Id(6)] double? BatteryVolts,
    [property: Id(7)] bool LowBattery,
    [property: Id(8)] long LastSequence,
    [property: Id(9)] int FlapsSuppressed);
