namespace ParkingGrains.GateAgent.Devices;

/// <summary>The relay's motion-complete signal: the boom reached <paramref name="Reached"/>.</summary>
public sealed record BarrierMotion(BarrierPosition Reached, DateTimeOffset At);
