using ParkingGrains.Runtime.Tests.Infrastructure;
using ParkingGrains.TestGrains;

namespace ParkingGrains.Runtime.Tests.Core;

public sealed class ActivationLifecycleTests
{
    [Fact]
    public async Task IdleActivations_AreCollected_AndStateSurvivesDeactivation()
    {
        await using var cluster = await Clusters.StartAsync(silos: 1, b => b.Configure(o =>
        {
            o.CollectionAge = TimeSpan.FromMilliseconds(300);
            o.CollectionQuantum = TimeSpan.FromMilliseconds(100);
        }));
        var grain = cluster.GrainFactory.GetGrain<IStatefulGrain>("idle");
        await grain.Append("entry-1");
        var silo = cluster.Silos[0];
        Assert.Equal(1, silo.ActivationCount);

        await Clusters.WaitUntilAsync(() => Task.FromResult(silo.ActivationCount == 0), TimeSpan.FromSeconds(10), "idle collection");

        Assert.Equal(["entry-1"], await grain.GetValues());
    }

    [Fact]
    public async Task DeactivateOnIdle_WritesNothingExtra_AndTheNextCallReadsTheStoredState()
    {
        await using var cluster = await Clusters.StartAsync(silos: 1);
        var grain = cluster.GrainFactory.GetGrain<IStatefulGrain>("explicit");
        await grain.Append("a");
        await grain.Append("b");
        var etag = await grain.GetETag();

        await grain.Deactivate();
        await Clusters.WaitUntilAsync(() => Task.FromResult(cluster.Silos[0].ActivationCount == 0), TimeSpan.FromSeconds(10), "deactivation");

        Assert.Equal(["a", "b"], await grain.GetValues());
        Assert.Equal(etag, await grain.GetETag());
    }
}
