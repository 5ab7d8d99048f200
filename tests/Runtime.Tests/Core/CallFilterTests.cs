using System.Collections.Concurrent;
using ParkingGrains.Runtime.Tests.Infrastructure;
using ParkingGrains.TestGrains;

namespace ParkingGrains.Runtime.Tests.Core;

public sealed class CallFilterTests
{
    [Fact]
    public async Task IncomingFilter_SeesEveryCall_AndRequestContextFlowsAcrossSilos()
    {
        IncomingLog.Calls.Clear();
        await using var cluster = await Clusters.StartAsync(silos: 2, b => b.AddIncomingGrainCallFilter<IncomingLog>());

        RequestContext.Set("caller", "operator:alice");
        try
        {
            var caller = await cluster.GrainFactory.GetGrain<IContextGrain>("first").GetCallerVia("second");
            Assert.Equal("operator:alice", caller);
        }
        finally
        {
            RequestContext.Clear();
        }

        Assert.Contains(("IContextGrain.GetCallerVia", new GrainId("context", "first")), IncomingLog.Calls);
        Assert.Contains(("IContextGrain.GetCaller", new GrainId("context", "second")), IncomingLog.Calls);
    }

    [Fact]
    public async Task OutgoingFilter_CanStampTheCallersIdentity()
    {
        await using var cluster = await Clusters.StartAsync(silos: 1, b => b.AddOutgoingGrainCallFilter<StampSiloAsCaller>());
        Assert.Equal("stamped-by-silo", await cluster.GrainFactory.GetGrain<IContextGrain>("a").GetCallerVia("b"));
    }

    public sealed class IncomingLog : IIncomingGrainCallFilter
    {
        public static ConcurrentBag<(string Method, GrainId Target)> Calls { get; } = [];

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            Calls.Add(($"{context.InterfaceMethod.DeclaringType!.Name}.{context.InterfaceMethod.Name}", context.TargetId));
            await context.Invoke();
        }
    }

    public sealed class StampSiloAsCaller : IOutgoingGrainCallFilter
    {
        public Task Invoke(IGrainCallContext context)
        {
            RequestContext.Set("caller", "stamped-by-silo");
            return context.Invoke();
        }
    }
}
