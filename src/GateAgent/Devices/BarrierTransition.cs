namespace ParkingGrains.GateAgent.Devices;

/// <summary>One change of the barrier's state, as reported to the lane (and the operator dashboard through it).</summary>
public sealed record BarrierTransition(BarrierState From, BarrierState To, BarrierCause Cause, DateTimeOffset At);
