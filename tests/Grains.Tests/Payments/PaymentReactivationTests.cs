using ParkingGrains.Domain.Payments;
using ParkingGrains.Grains.Interfaces.Payments;
using ParkingGrains.Grains.Tests.Infrastructure;
using static ParkingGrains.Grains.Tests.Payments.VndStays;

namespace ParkingGrains.Grains.Tests.Payments;

/// <summary>A payment activated afresh on a new silo (every old one stopped) rebuilds itself and its answers from the event log.</summary>
[Collection(RestartCollection.Name)]
public sealed class PaymentReactivationTests(DomainClusterFixture fixture)
{
    [Fact]
    public async Task PaymentsAndTheirAnswers_SurviveReactivationFromTheEventLog()
    {
        var (_, ticket) = await StayAsync(fixture.Grains, "P6");
        var payment = Payment("pay-6");
        await payment.Create(VietQr("P6", ticket, 40_000m, purpose: "Phí gửi xe"));
        var confirmed = await payment.Confirm(new PaymentConfirmation("tx", "ref", Vnd(40_000m), DateTimeOffset.UtcNow));

        await fixture.Cluster.RestartAllSilosAsync();

        var again = Payment("pay-6");
        Assert.Equal(confirmed.Payment, await again.Get());
        Assert.Equal("Phi gui xe", VietQrPayload.Parse((await again.Get())!.VietQrPayload!).Purpose);
        Assert.Equal(confirmed, await again.Confirm(new PaymentConfirmation("tx", "ref", Vnd(40_000m), DateTimeOffset.UtcNow)));
    }

    private IPaymentGrain Payment(string id) => fixture.Grains.GetGrain<IPaymentGrain>(id);
}
