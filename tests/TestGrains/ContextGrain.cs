using ParkingGrains.Runtime;

namespace ParkingGrains.TestGrains;

public sealed class ContextGrain : Grain, IContextGrain
{
    public Task<string?> GetCaller() => Task.FromResult(RequestContext.Get("caller"));

    public Task<string?> GetCallerVia(string otherKey) => GrainFactory.GetGrain<IContextGrain>(otherKey).GetCaller();
}
