using Microsoft.Extensions.DependencyInjection;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Tariffs;
using ParkingGrains.Grains.Lots;
using ParkingGrains.Runtime.Hosting;
using ParkingGrains.Runtime.Testing;

namespace ParkingGrains.Grains.Tests.Infrastructure;

/// <summary>An in-process cluster with the parking grains, and small lots/tariffs to test them with.</summary>
public static class DomainCluster
{
    public static readonly DateTimeOffset T0 = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    public static Task<TestCluster> StartAsync(int silos = 1, Action<SiloBuilder>? configure = null)
    {
        var options = new TestClusterOptions { InitialSiloCount = silos };
        options.GrainAssemblies.Add(GrainsAssembly.Assembly);
        options.ConfigureSilo = builder =>
        {
            builder.Configure(o => o.MinimumReminderPeriod = TimeSpan.FromMilliseconds(100));
            builder.ConfigureMembership(m =>
            {
                m.ProbePeriod = TimeSpan.FromMilliseconds(500);
                m.ProbeTimeout = TimeSpan.FromMilliseconds(500);
                m.TableRefreshPeriod = TimeSpan.FromSeconds(1);
            });
            builder.Services.AddSingleton(new LotOptions { ReservationCheckPeriod = TimeSpan.FromMilliseconds(300) });
            configure?.Invoke(builder);
        };
        return TestCluster.StartAsync(options);
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
