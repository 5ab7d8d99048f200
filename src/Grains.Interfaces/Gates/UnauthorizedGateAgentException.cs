using Orleans;

namespace ParkingGrains.Grains.Interfaces.Gates;

/// <summary>A call that only the gate's own agent may make came without that gate's current key.</summary>
[GenerateSerializer]
public sealed class UnauthorizedGateAgentException : Exception
{
    public UnauthorizedGateAgentException()
    {
    }

    public UnauthorizedGateAgentException(string message)
        : base(message)
    {
    }

    public UnauthorizedGateAgentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
