using ParkingGrains.Grains.Demo;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Tests.Infrastructure;

namespace ParkingGrains.Grains.Tests.Demo;

[Collection(DomainCollection.Name)]
public sealed class DemoSeederTests(DomainClusterFixture fixture)
{
    [Fact]
    public async Task TheDemoLotsAreConfiguredOnce_WithTheirGatesReadyForTraffic()
    {
        Assert.Equal(["demo-saigon", "demo-berlin"], await DemoSeeder.SeedAsync(fixture.Grains));
        Assert.Empty(await DemoSeeder.SeedAsync(fixture.Grains));

        var saigon = await fixture.Grains.GetGrain<ILotGrain>("demo-saigon").GetStatus();
        Assert.Equal(300, saigon.Classes.Values.Sum(c => c.Total));
        Assert.True(saigon.Classes.Count >= 3, "the big lot mixes vehicle classes");
        var berlin = await fixture.Grains.GetGrain<ILotGrain>("demo-berlin").GetStatus();
        Assert.Equal(20, berlin.Classes.Values.Sum(c => c.Total));

        var layout = (await fixture.Grains.GetGrain<ILotGrain>("demo-saigon").GetLayout())!;
        var entryGate = layout.Gates.First(g => g.Direction != Interfaces.Layout.GateDirection.Out).GateId;
        var entry = await fixture.Grains.GetGrain<Interfaces.Gates.IGateGrain>(entryGate)
            .Enter(new EntryCommand("demo-1", entryGate, "59A-999.99", null, VehicleClass.Car, DateTimeOffset.UtcNow));
        Assert.True(entry.Allowed, entry.ReasonText);
    }
}
