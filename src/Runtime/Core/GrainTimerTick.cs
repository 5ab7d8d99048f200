namespace ParkingGrains.Runtime.Core;

/// <summary>A timer tick waiting for its turn in an activation's queue.</summary>
internal sealed class GrainTimerTick(GrainTimer timer)
{
    public GrainTimer Timer { get; } = timer;
}
