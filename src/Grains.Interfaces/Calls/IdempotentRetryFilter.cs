using Orleans;

namespace ParkingGrains.Grains.Interfaces.Calls;

/// <summary>Placeholder: replaced by the contract branch's retry filter.</summary>
public sealed class IdempotentRetryFilter : IOutgoingGrainCallFilter
{
    public Task Invoke(IOutgoingGrainCallContext context) => context.Invoke();
}
