namespace ParkingGrains.Runtime;

public interface IIncomingGrainCallContext : IGrainCallContext
{
    /// <summary>The grain instance handling the call.</summary>
    object Grain { get; }
}
