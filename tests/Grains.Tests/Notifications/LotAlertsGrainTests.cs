using ParkingGrains.Grains.Interfaces.Notifications;
using ParkingGrains.Grains.Tests.Infrastructure;

namespace ParkingGrains.Grains.Tests.Notifications;

[Collection(DomainCollection.Name)]
public sealed class LotAlertsGrainTests(DomainClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheSameCauseIsOneAlert_TheNewestAreKept_AndTheFirstAcknowledgementStands()
    {
        var alerts = fixture.Grains.GetGrain<ILotAlertsGrain>("alerts-1");
        await alerts.Record(new LotAlert("alerts-1", "first", AlertSeverity.Warning, T0, "a0"));
        await alerts.Record(new LotAlert("alerts-1", "first again", AlertSeverity.Warning, T0, "a0"));
        for (var i = 1; i <= ILotAlertsGrain.Capacity + 2; i++)
        {
            await alerts.Record(new LotAlert("alerts-1", $"alert {i}", AlertSeverity.Info, T0.AddMinutes(i), $"a{i}"));
        }

        var all = await alerts.List(ILotAlertsGrain.Capacity, includeAcknowledged: true);
        Assert.Equal(ILotAlertsGrain.Capacity, all.Count);
        Assert.Equal($"a{ILotAlertsGrain.Capacity + 2}", all[0].AlertId);
        Assert.Equal("a3", all[^1].AlertId);

        var first = await alerts.Acknowledge("a10", "ops-1", T0.AddHours(20));
        var second = await alerts.Acknowledge("a10", "ops-2", T0.AddHours(21));
        Assert.Equal(("ops-1", T0.AddHours(20)), (first!.AcknowledgedBy, first.AcknowledgedAt!.Value));
        Assert.Equal(first, second);
        Assert.Null(await alerts.Acknowledge("a0", "ops-1", T0.AddHours(20)));
        Assert.DoesNotContain(await alerts.List(ILotAlertsGrain.Capacity, includeAcknowledged: false), a => a.AlertId == "a10");
        Assert.Equal(3, (await alerts.List(3, includeAcknowledged: false)).Count);
    }

    [Fact]
    public async Task AnAlertWithoutAnId_GetsOneFromItsContent_SoARepublishIsStillOne()
    {
        var alerts = fixture.Grains.GetGrain<ILotAlertsGrain>("alerts-2");
        await alerts.Record(new LotAlert("alerts-2", "sensor s1 offline", AlertSeverity.Critical, T0));
        await alerts.Record(new LotAlert("alerts-2", "sensor s1 offline", AlertSeverity.Critical, T0));
        await alerts.Record(new LotAlert("alerts-2", "sensor s2 offline", AlertSeverity.Critical, T0));

        Assert.Equal(2, (await alerts.List(10, includeAcknowledged: true)).Count);
    }
}
