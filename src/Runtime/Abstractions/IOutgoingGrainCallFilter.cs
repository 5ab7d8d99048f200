namespace ParkingGrains.Runtime;

/// <summary>Runs in the caller around every outgoing call (e.g. stamping the caller's identity into RequestContext).</summary>
public interface IOutgoingGrainCallFilter
{
    Task Invoke(IGrainCallContext context);
}
