namespace ParkingGrains.Grains.Interfaces.Slots;

/// <summary>
/// The slot's sensor as seen by the platform. <paramref name="Occupied"/> is the debounced (confirmed) value, null
/// until a first value is confirmed; <paramref name="Online"/> means a heartbeat or reading arrived within the
/// offline window; <paramref name="FlapsSuppressed"/> counts unconfirmed changes that were dropped.
/// </summary>
public sealed record SensorState(
    string SlotId,
    string? SensorId,
    bool? Occupied,
    DateTimeOffset? LastReading,
    DateTimeOffset? LastHeartbeat,
    bool Online,
    double? BatteryVolts,
    bool LowBattery,
    long LastSequence,
    int FlapsSuppressed);
