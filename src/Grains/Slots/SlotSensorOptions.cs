namespace ParkingGrains.Grains.Slots;

/// <summary>How slot sensors are interpreted (register one in DI to override the defaults).</summary>
public sealed class SlotSensorOptions
{
    /// <summary>An occupancy change is accepted only after this many consecutive readings agree (1 = no debounce).</summary>
    public int ConfirmReadings { get; set; } = 2;

    /// <summary>A battery below this raises one low-battery event until it recovers.</summary>
    public double LowBatteryVolts { get; set; } = 3.3;

    /// <summary>
    /// The battery counts as recovered only at <see cref="LowBatteryVolts"/> plus this margin, so a voltage hovering
    /// at the threshold does not raise an alarm on every other reading.
    /// </summary>
    public double BatteryRecoveryMarginVolts { get; set; } = 0.1;

    /// <summary>Without a heartbeat or reading for this long, the sensor is offline.</summary>
    public TimeSpan OfflineAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often an active slot checks whether its sensor went offline (zero or less: no timer).</summary>
    public TimeSpan OfflineCheckPeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Message times later than now plus this are rejected (a sensor clock that is badly off).</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);
}
