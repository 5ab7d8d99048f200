namespace ParkingGrains.GateAgent.Devices;

/// <summary>Barrier timing.</summary>
public sealed record BarrierOptions
{
    /// <summary>A close that waited for a vehicle happens this long after the loop is clear (the car's tail and trailer).</summary>
    public TimeSpan ClearDelay { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>The simulated relay's travel time between end positions.</summary>
    public TimeSpan TravelTime { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Longest open time a command may ask for (the gate command rule's 3,600 s).</summary>
    public TimeSpan MaxOpenTime { get; init; } = TimeSpan.FromHours(1);
}
