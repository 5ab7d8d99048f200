using System.Diagnostics;
using ParkingGrains.Runtime.Hosting;
using ParkingGrains.Runtime.Membership;
using ParkingGrains.Runtime.Testing;
using ParkingGrains.Runtime.Tests.Infrastructure;
using ParkingGrains.TestGrains;

namespace ParkingGrains.Runtime.Tests.Cluster;

public sealed class MembershipFailureTests
{
    public static TheoryData<string> Tables => new() { "Redis", "PostgreSql" };

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task KilledSilo_IsDeclaredDeadWithin15Seconds_WithDefaultSettings_WhileCallsKeepSucceeding(string table)
    {
        await using var cluster = await Clusters.StartAsync(silos: 3, b => UseTable(b, table), defaultMembershipTiming: true);
        using var stop = new CancellationTokenSource();
        var failures = 0;
        var succeeded = 0;
        var load = Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    await cluster.GrainFactory.GetGrain<ICounterGrain>($"load-{worker}-{i % 50}").IncrementOnce($"{worker}-{i}");
                    Interlocked.Increment(ref succeeded);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));

        await Clusters.WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref succeeded) > 200), TimeSpan.FromSeconds(20), "calls before the kill");
        var victim = cluster.Silos[2];
        var clock = Stopwatch.StartNew();
        await cluster.KillSiloAsync(victim);

        await Clusters.WaitUntilAsync(
            () => Task.FromResult(cluster.Silos.All(s => !s.Client.ActiveSilos.Contains(victim.SiloAddress))),
            TimeSpan.FromSeconds(15),
            $"{table} membership declaring {victim.SiloAddress} dead");
        var detection = clock.Elapsed;
        var afterDetection = Volatile.Read(ref succeeded);
        await Clusters.WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref succeeded) > afterDetection + 200), TimeSpan.FromSeconds(20), "calls after failover");
        stop.Cancel();
        await load;

        Assert.True(detection < TimeSpan.FromSeconds(15), $"detected after {detection}");
        Assert.Equal(0, failures);
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task ADeadSilo_CannotRejoinWithItsOldGeneration(string table)
    {
        await using var cluster = await Clusters.StartAsync(silos: 2, b => UseTable(b, table));
        var victim = cluster.Silos[1];
        await cluster.KillSiloAsync(victim);
        await cluster.WaitForLivenessToStabilizeAsync();

        var membership = CreateTable(table, cluster.ClusterId);
        await membership.InitializeAsync();
        var data = await membership.ReadAllAsync();
        Assert.Equal(SiloStatus.Dead, data.Find(victim.SiloAddress)!.Entry.Status);

        var rejoin = new MembershipEntry { SiloAddress = victim.SiloAddress, Status = SiloStatus.Joining };
        Assert.False(await membership.InsertRowAsync(rejoin, data.Version.Next()));
    }

    [Fact]
    public async Task AReminderRegisteredOnASiloThatIsThenKilled_StillFires()
    {
        await using var cluster = await Clusters.StartAsync(silos: 3);
        var fired = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var key = $"reservation-{Guid.NewGuid():N}";
        ReminderProbeGrain.Ticked += (grain, silo) =>
        {
            if (grain == key)
            {
                fired.TrySetResult(silo);
            }
        };

        var grain = cluster.GrainFactory.GetGrain<IReminderProbeGrain>(key);
        var registeredOn = await grain.Register(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));
        await cluster.KillSiloAsync(cluster.SiloAt(SiloAddress.Parse(registeredOn)));

        var firedOn = await fired.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotEqual(registeredOn, firedOn);
        await grain.Unregister();
    }

    [Fact]
    public async Task StopSilo_IsGraceful_AndRestartSiloRejoins()
    {
        await using var cluster = await Clusters.StartAsync(silos: 2);
        var grain = cluster.GrainFactory.GetGrain<IStatefulGrain>("graceful");
        await grain.Append("kept");
        var silo = cluster.SiloAt(SiloAddress.Parse(await grain.GetSilo()));

        var restarted = await cluster.RestartSiloAsync(silo);
        await cluster.WaitForLivenessToStabilizeAsync();

        Assert.NotEqual(silo.SiloAddress, restarted.SiloAddress);
        Assert.Equal(["kept"], await grain.GetValues());
    }

    private static void UseTable(SiloBuilder builder, string table)
    {
        if (table == "Redis")
        {
            builder.UseRedisMembership(TestServers.Redis);
        }
        else
        {
            builder.UsePostgreSqlMembership(TestServers.PostgreSql);
        }
    }

    private static IMembershipTable CreateTable(string table, string clusterId) => table == "Redis"
        ? new RedisMembershipTable(TestServers.Redis, clusterId)
        : new PostgreSqlMembershipTable(TestServers.PostgreSql, clusterId);
}
