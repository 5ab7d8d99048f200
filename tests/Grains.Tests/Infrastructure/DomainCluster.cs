using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.TestingHost;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Calls;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.Grains.Tests.Infrastructure;

/// <summary>An in-process Orleans cluster with the parking grains, and small lots/tariffs to test them with.</summary>
public static class DomainCluster
{
    public static readonly DateTimeOffset T0 = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Deploys a <see cref="ParkingTestCluster"/> whose silos share grain storage (<paramref name="storage"/>, or a new
    /// one) and reminders besides the event log, so state and reminders outlive silos as they would in a database.
    /// <paramref name="serviceId"/> keys SQL rows; <paramref name="failover"/> detects killed silos within seconds and
    /// times calls out as the real hosts do (<see cref="ClusterTimeouts"/>), so idempotent calls are retried on survivors.
    /// </summary>
    public static async Task<InProcessTestCluster> StartAsync(
        int silos = 1, Action<ISiloBuilder>? configure = null, SharedGrainStorage? storage = null, string? serviceId = null, bool failover = false)
    {
        storage ??= new SharedGrainStorage();
        var reminders = new SharedReminderTable();
        var cluster = ParkingTestCluster.Build(silos, silo =>
        {
            // Registered after ParkingTestCluster's memory providers, so these are the ones resolved.
            silo.Services.AddGrainStorage("Default", (_, _) => storage);
            silo.Services.AddSingleton<IReminderTable>(reminders);
            if (failover)
            {
                silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = ClusterTimeouts.ResponseTimeout);
                silo.Configure<ClusterMembershipOptions>(o =>
                {
                    o.ProbeTimeout = TimeSpan.FromSeconds(1);
                    o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
                });
            }

            configure?.Invoke(silo);
        });
        if (serviceId is not null)
        {
            cluster.Options.ServiceId = serviceId;
        }

        if (failover)
        {
            cluster.Options.ClientHostConfigurationDelegates.Add(host =>
                host.Services.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ClusterTimeouts.ResponseTimeout));
        }

        try
        {
            await cluster.DeployAsync();
            if (failover)
            {
                await WarmUpAsync(cluster);
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    // The first calls JIT-compile the grains and open (and migrate) each silo's storage; on a loaded machine that can
    // outlast the short response timeout of a failover cluster. Lots on every silo answer once before a test calls.
    private static async Task WarmUpAsync(InProcessTestCluster cluster)
    {
        for (var i = 0; i < 2 * cluster.Silos.Count; i++)
        {
            var lot = cluster.Client.GetGrain<ILotGrain>($"warm-up-{i}");
            await Eventually.TrueAsync(async () => !(await lot.GetStatus()).Configured, TimeSpan.FromSeconds(60), "a first call to the cluster");
        }
    }

    /// <summary>A rolling restart: a new silo joins (and the client sees it) before the old ones leave, so every grain activates afresh from storage.</summary>
    public static async Task RestartAllSilosAsync(this InProcessTestCluster cluster)
    {
        var added = await cluster.StartAdditionalSiloAsync();
        await cluster.WaitForLivenessToStabilizeAsync();
        foreach (var silo in cluster.Silos.Where(s => s != added).ToList())
        {
            await cluster.StopSiloAsync(silo);
        }

        await cluster.WaitForLivenessToStabilizeAsync();
    }

    /// <summary>The silo where <paramref name="grain"/> is active now (call it after the grain was used).</summary>
    public static InProcessSiloHandle HostOf(this InProcessTestCluster cluster, IAddressable grain)
    {
        var grainId = grain.GetGrainId();
        return cluster.TryGetGrainContext(grainId, out var context)
            ? cluster.Silos.Single(s => s.SiloAddress.Equals(context.Address.SiloAddress))
            : throw new InvalidOperationException($"{grainId} is not active on any silo.");
    }

    /// <summary>Configures lot <paramref name="lotId"/> with <see cref="TestLayout"/> and <see cref="Tariff"/>, asserting it was applied.</summary>
    public static async Task<ILotGrain> ConfiguredLotAsync(this IGrainFactory grains, string lotId, int cars, int motorcycles = 0, LotSettings? settings = null)
    {
        var lot = grains.GetGrain<ILotGrain>(lotId);
        var result = await lot.Configure(TestLayout(lotId, cars, motorcycles, settings: settings), Tariff());
        Assert.True(result.Applied, string.Join("; ", result.Problems));
        return lot;
    }

    /// <summary>A one-floor lot: <paramref name="cars"/> car slots c1.. (c1 nearest the entry), motorcycles m1.., gates "{lot}-in"/"{lot}-out" plus extra entry gates.</summary>
    public static LotLayout TestLayout(string lotId, int cars, int motorcycles = 0, int extraEntryGates = 0, LotSettings? settings = null)
    {
        var gates = new List<GateDefinition> { new($"{lotId}-in", "Entry", GateDirection.In, 1), new($"{lotId}-out", "Exit", GateDirection.Out, 2) };
        gates.AddRange(Enumerable.Range(1, extraEntryGates).Select(i => new GateDefinition($"{lotId}-in{i}", $"Entry {i}", GateDirection.In, 2 + i)));
        IReadOnlyDictionary<string, double> Distances(int i) => gates.ToDictionary(g => g.GateId, g => (double)i);
        var slots = Enumerable.Range(1, cars).Select(i => new SlotDefinition($"c{i}", "G", $"C{i}", VehicleClass.Car, false, false, Distances(i)))
            .Concat(Enumerable.Range(1, motorcycles).Select(i => new SlotDefinition($"m{i}", "G", $"M{i}", VehicleClass.Motorcycle, false, false, Distances(i))))
            .ToList();
        return new LotLayout(lotId, $"Lot {lotId}", "Europe/Berlin", "EUR", [new FloorDefinition("G", "Ground", 0)], gates, slots, settings ?? LotSettings.Default);
    }

    /// <summary>Cars: 10 min free, then 2.00 for the first hour and 1.50 per started hour after; lost ticket +20.</summary>
    public static Tariff Tariff() => new("EUR",
    [
        new VehicleClassRate(VehicleClass.Car, TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), 2.00m, TimeSpan.FromHours(1), 1.50m, LostTicketFee: 20m),
        new VehicleClassRate(VehicleClass.Motorcycle, TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), 0.50m, TimeSpan.FromHours(1), 0.50m),
    ]);
}
