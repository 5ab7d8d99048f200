using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Domain.Layout;

namespace ParkingGrains.Grains.Demo;

/// <summary>Configures the demo lots once; a lot that already has a layout is left as it is.</summary>
public static class DemoSeeder
{
    public static async Task<IReadOnlyList<string>> SeedAsync(IGrainFactory grains)
    {
        var seeded = new List<string>();
        foreach (var layout in DemoLayouts.All)
        {
            var lot = grains.GetGrain<ILotGrain>(layout.LotId);
            if (await lot.GetLayout() is not null)
            {
                continue;
            }

            var tariff = layout.Currency == "VND" ? DemoTariffs.Vnd : DemoTariffs.Eur;
            var result = await lot.Configure(layout, tariff);
            if (!result.Applied)
            {
                throw new InvalidOperationException($"Demo lot {layout.LotId} is invalid: {string.Join("; ", result.Problems)}");
            }

            seeded.Add(layout.LotId);
        }

        return seeded;
    }
}
