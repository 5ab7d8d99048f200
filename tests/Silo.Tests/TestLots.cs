using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.Silo.Tests;

/// <summary>Small lots of the tests' own (the same pattern as the grain tests' DomainCluster), so tests never share data.</summary>
public static class TestLots
{
    public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 11)];

    /// <summary>A one-floor lot: <paramref name="cars"/> car slots c1.. and the gates "{lot}-in" and "{lot}-out".</summary>
    public static LotLayout Layout(string lotId, int cars)
    {
        var gates = new List<GateDefinition> { new($"{lotId}-in", "Entry", GateDirection.In, 1), new($"{lotId}-out", "Exit", GateDirection.Out, 2) };
        var slots = Enumerable.Range(1, cars)
            .Select(i => new SlotDefinition($"c{i}", "G", $"C{i}", VehicleClass.Car, false, false, gates.ToDictionary(g => g.GateId, _ => (double)i)))
            .ToList();
        return new LotLayout(lotId, $"Lot {lotId}", "Europe/Berlin", "EUR", [new FloorDefinition("G", "Ground", 0)], gates, slots, LotSettings.Default);
    }

    /// <summary>Cars: 10 min free, then 2.00 for the first hour and 1.50 per started hour after.</summary>
    public static Tariff Tariff() => new("EUR",
    [
        new VehicleClassRate(VehicleClass.Car, TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), 2.00m, TimeSpan.FromHours(1), 1.50m, LostTicketFee: 20m),
    ]);
}
