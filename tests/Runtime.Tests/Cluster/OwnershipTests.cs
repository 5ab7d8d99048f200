using ParkingGrains.Runtime.Cluster;
using ParkingGrains.Runtime.Membership;
using ParkingGrains.Runtime.Tests.Infrastructure;
using ParkingGrains.TestGrains;

namespace ParkingGrains.Runtime.Tests.Cluster;

public sealed class OwnershipTests
{
    [Fact]
    public async Task AddingASilo_MovesGrainsToTheirNewOwner_WithOneActivationEach_AndStateIntact()
    {
        await using var cluster = await Clusters.StartAsync(silos: 1);
        var keys = Enumerable.Range(0, 60).Select(i => $"slot-{i}").ToList();
        foreach (var key in keys)
        {
            await cluster.GrainFactory.GetGrain<IStatefulGrain>(key).Append($"{key}-held");
        }

        await cluster.StartAdditionalSiloAsync();
        await cluster.WaitForLivenessToStabilizeAsync();
        var ring = new PlacementRing(cluster.Silos.Select(s => s.SiloAddress));

        foreach (var key in keys)
        {
            var grain = cluster.GrainFactory.GetGrain<IStatefulGrain>(key);
            Assert.Equal([$"{key}-held"], await grain.GetValues());
            Assert.Equal(ring.GetOwner(new GrainId("stateful", key))!.ToString(), await grain.GetSilo());
        }

        // The moved grains' old activations deactivate: one activation per grain across the cluster.
        await Clusters.WaitUntilAsync(() => Task.FromResult(cluster.Silos.Sum(s => s.ActivationCount) == keys.Count), TimeSpan.FromSeconds(10), "one activation per grain");
        Assert.All(cluster.Silos, s => Assert.True(s.ActivationCount > 0, $"{s.SiloAddress} hosts nothing"));
    }

    [Fact]
    public async Task ASiloTheClusterDeclaresDead_StopsItself_AndTheOthersCarryOn()
    {
        await using var cluster = await Clusters.StartAsync(silos: 2, b => b.UseRedisMembership(TestServers.Redis));
        var victim = cluster.Silos[1];
        using var table = new RedisMembershipTable(TestServers.Redis, cluster.ClusterId);
        await table.InitializeAsync();

        // Another silo's verdict, written as the protocol would: the victim must obey it and never serve again.
        var data = await table.ReadAllAsync();
        var row = data.Find(victim.SiloAddress)!;
        Assert.True(await table.UpdateRowAsync(row.Entry with { Status = SiloStatus.Dead }, row.ETag, data.Version.Next()));

        await victim.Stopped.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(victim.WasDeclaredDead);
        Assert.Equal(1, await cluster.GrainFactory.GetGrain<ICounterGrain>("after-verdict").IncrementOnce("op-1"));
    }
}
