namespace ParkingGrains.Runtime;

/// <summary>Runs inside the target activation's turn around every incoming call (logging, metrics, authorisation).</summary>
public interface IIncomingGrainCallFilter
{
    Task Invoke(IIncomingGrainCallContext context);
}
