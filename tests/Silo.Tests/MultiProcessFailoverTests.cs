using System.Collections.Concurrent;
using ParkingGrains.Runtime;
using ParkingGrains.Runtime.Client;
using ParkingGrains.TestGrains;

namespace ParkingGrains.Silo.Tests;

/// <summary>Three real silo processes over Redis membership and PostgreSQL state; one is killed with SIGKILL mid-load.</summary>
public sealed class MultiProcessFailoverTests
{
    [Fact]
    public async Task KillNineOfASiloUnderLoad_CallsSucceedAgain_AndNoAcknowledgedWriteIsLost()
    {
        var clusterId = $"mp-{Guid.NewGuid():N}"[..16];
        var configuration = new Dictionary<string, string>
        {
            ["Cluster:ClusterId"] = clusterId,
            ["Cluster:ServiceId"] = clusterId,
            ["Cluster:Membership"] = "Redis",
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:Redis"] = TestServers.Redis,
            ["ConnectionStrings:PostgreSql"] = TestServers.PostgreSql,
            ["Silo:GrainAssemblies"] = typeof(StatefulGrain).Assembly.Location,
        };

        var silos = new List<SiloProcess>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                silos.Add(await SiloProcess.StartAsync(new Dictionary<string, string>(configuration) { ["Silo:SiloName"] = $"silo{i}" }));
            }

            var options = new ClusterClientOptions { ClusterId = clusterId };
            options.Gateways.AddRange(silos.Select(s => s.Gateway));
            await using var client = new ClusterClient(options);
            await client.ConnectAsync();
            await WaitUntilAsync(() => client.ActiveSilos.Count == 3, "the client to see three silos");

            var acknowledged = new ConcurrentDictionary<string, ConcurrentBag<string>>();
            var successes = 0;
            var failures = new ConcurrentQueue<Exception>();
            using var stop = new CancellationTokenSource();
            var grains = Enumerable.Range(0, 12).Select(i => $"session-{i}").ToArray();
            var load = Task.WhenAll(grains.Select(key => Task.Run(async () =>
            {
                var grain = client.GetGrain<IStatefulGrain>(key);
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var value = $"{key}-event-{n}";
                    try
                    {
                        await grain.Append(value);
                        acknowledged.GetOrAdd(key, _ => []).Add(value);
                        Interlocked.Increment(ref successes);
                    }
                    catch (Exception ex)
                    {
                        failures.Enqueue(ex);
                    }
                }
            })));

            await WaitUntilAsync(() => Volatile.Read(ref successes) > 300, "writes before the kill");
            var victimSilo = await client.GetGrain<IStatefulGrain>(grains[0]).GetSilo();
            var victim = silos.Single(s => victimSilo.Contains($":{s.SiloPort}@", StringComparison.Ordinal));
            await victim.KillAsync();
            var atKill = Volatile.Read(ref successes);

            await WaitUntilAsync(() => !client.ActiveSilos.Any(a => a.Endpoint.Port == victim.SiloPort), "the cluster to drop the killed silo", TimeSpan.FromSeconds(30));
            await WaitUntilAsync(() => Volatile.Read(ref successes) > atKill + 300, "writes after failover", TimeSpan.FromSeconds(30));
            stop.Cancel();
            await load;

            // Every acknowledged write is in durable state, read back through the survivors.
            foreach (var key in grains)
            {
                var stored = (await client.GetGrain<IStatefulGrain>(key).GetValues()).ToHashSet();
                var missing = acknowledged.GetValueOrDefault(key, []).Where(v => !stored.Contains(v)).ToList();
                Assert.True(missing.Count == 0, $"{key} lost acknowledged writes: {string.Join(", ", missing)}");
            }

            Assert.NotEqual(victimSilo, await client.GetGrain<IStatefulGrain>(grains[0]).GetSilo());
            Assert.True(failures.IsEmpty, $"{failures.Count} calls failed; first: {failures.FirstOrDefault()}");
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task SqliteSilo_KilledAndRestarted_KeepsAcknowledgedState()
    {
        var database = Path.Combine(Path.GetTempPath(), $"pg-{Guid.NewGuid():N}.db");
        var configuration = new Dictionary<string, string>
        {
            ["Cluster:ClusterId"] = "sqlite-restart",
            ["Cluster:Membership"] = "InProcess",
            ["Storage:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = $"Data Source={database}",
            ["Silo:GrainAssemblies"] = typeof(StatefulGrain).Assembly.Location,
        };
        try
        {
            var silo = await SiloProcess.StartAsync(configuration);
            await using (var client = await ConnectAsync("sqlite-restart", silo))
            {
                await client.GetGrain<IStatefulGrain>("lot-1").Append("entry-1");
                await client.GetGrain<IStatefulGrain>("lot-1").Append("entry-2");
            }

            await silo.KillAsync();
            await using var restarted = await SiloProcess.StartAsync(configuration, silo.SiloPort, silo.GatewayPort);
            await using var again = await ConnectAsync("sqlite-restart", restarted);
            Assert.Equal(["entry-1", "entry-2"], await again.GetGrain<IStatefulGrain>("lot-1").GetValues());
        }
        finally
        {
            foreach (var path in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    private static async Task<ClusterClient> ConnectAsync(string clusterId, SiloProcess silo)
    {
        var options = new ClusterClientOptions { ClusterId = clusterId };
        options.Gateways.Add(silo.Gateway);
        var client = new ClusterClient(options);
        await client.ConnectAsync();
        return client;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string description, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {description}.");
            }

            await Task.Delay(50);
        }
    }
}
