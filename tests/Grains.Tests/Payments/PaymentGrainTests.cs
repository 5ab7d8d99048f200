using ParkingGrains.Grains.Interfaces.Validation;
using ParkingGrains.Domain.Payments;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Payments;
using ParkingGrains.Grains.Payments;
using ParkingGrains.Grains.Tests.Infrastructure;
using static ParkingGrains.Grains.Tests.Payments.VndStays;

namespace ParkingGrains.Grains.Tests.Payments;

[Collection(DomainCollection.Name)]
public sealed class PaymentGrainTests(DomainClusterFixture fixture)
{
    [Fact]
    public async Task VietQrPayment_CreateThenConfirm_PaysTheStayInTheLot_AndConfirmingTwiceIsIdempotent()
    {
        var (lot, ticket) = await StayAsync("P1");
        var payment = Payment("pay-1");

        var created = await payment.Create(VietQr("P1", ticket, 40_000m));

        Assert.Equal(PaymentStatus.Pending, created.Payment.Status);
        Assert.Equal("P1:" + ticket, created.Payment.SessionId);
        Assert.Equal(created.Payload, created.Payment.VietQrPayload);
        var fields = VietQrPayload.Parse(created.Payload!);
        Assert.Equal((Bin, Account, 40_000m, "pay-1", "12"), (fields.BankBin, fields.AccountNumber, fields.Amount, fields.Purpose, fields.PointOfInitiation));
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], Convert.FromBase64String(created.PngBase64!)[..4]);
        Assert.Equal(created.Payment, (await payment.Create(VietQr("P1", ticket, 40_000m))).Payment);

        var paidAt = DateTimeOffset.UtcNow;
        var confirmed = await payment.Confirm(new PaymentConfirmation("bank-tx-1", "FT26153001", Vnd(40_000m), paidAt));

        Assert.True(confirmed.Accepted);
        Assert.Null(confirmed.Note);
        Assert.Equal(PaymentStatus.Paid, confirmed.Payment!.Status);
        Assert.True(confirmed.Payment.LotResult!.Accepted);
        var quote = await lot.Quote(ticket, paidAt);
        Assert.Equal(Vnd(40_000m), quote!.AmountPaid);
        Assert.Equal(0m, quote.AmountDue.Amount);

        // The same callback again: the original answer. A different one: "already paid", recorded, not paid twice.
        Assert.Equal(confirmed, await payment.Confirm(new PaymentConfirmation("bank-tx-1", "FT26153001", Vnd(40_000m), paidAt.AddSeconds(5))));
        var second = await payment.Confirm(new PaymentConfirmation("bank-tx-2", "FT26153002", Vnd(40_000m), paidAt.AddSeconds(9)));
        Assert.False(second.Accepted);
        Assert.Equal(PaymentRejection.AlreadyPaid, second.Reason);
        Assert.Contains("already paid", second.ReasonText);
        Assert.Equal(Vnd(40_000m), (await lot.Quote(ticket, paidAt))!.AmountPaid);
        Assert.Equal("bank-tx-1", (await payment.Get())!.ConfirmationEventId);
    }

    [Fact]
    public async Task ALotPaymentUnderTheDerivedEventId_IsNotRepeated_WhenTheConfirmationIsRetriedAfterACrash()
    {
        // As if a first confirmation reached the lot and the payment died before logging it.
        var (lot, ticket) = await StayAsync("P2");
        var payment = Payment("pay-2");
        var created = await payment.Create(VietQr("P2", ticket, 20_000m));
        var at = DateTimeOffset.UtcNow;
        await lot.Pay(new PaymentCommand(PaymentGrain.LotEventId("pay-2"), created.Payment.SessionId, Vnd(20_000m), PaymentMethod.VietQr, at, "pay-2/first"));

        var confirmed = await payment.Confirm(new PaymentConfirmation("bank-tx", "second", Vnd(20_000m), at));

        Assert.True(confirmed.Accepted);
        Assert.Equal(Vnd(20_000m), (await lot.Quote(ticket, at))!.AmountPaid);
    }

    [Fact]
    public async Task Refund_OnlyAfterPaid_IsIdempotentByEventId_AndTakesTheMoneyOffTheStay()
    {
        var (lot, ticket) = await StayAsync("P3");
        var payment = Payment("pay-3");
        await payment.Create(VietQr("P3", ticket, 20_000m));

        var early = await payment.Refund("r1", "driver asked");
        Assert.False(early.Accepted);
        Assert.Equal(PaymentRejection.NotPaid, early.Reason);

        await payment.Confirm(new PaymentConfirmation("tx", "ref", Vnd(20_000m), DateTimeOffset.UtcNow));
        Assert.Equal(Vnd(20_000m), (await lot.Quote(ticket, DateTimeOffset.UtcNow))!.AmountPaid);
        Assert.Equal(early, await payment.Refund("r1", "driver asked"));
        var refunded = await payment.Refund("r2", "double charge");
        Assert.True(refunded.Accepted);
        Assert.Null(refunded.Note);
        var quote = await lot.Quote(ticket, DateTimeOffset.UtcNow);
        Assert.Equal(0m, quote!.AmountPaid.Amount);
        Assert.Null(quote.FreeExitUntil);
        Assert.Equal(PaymentStatus.Refunded, refunded.Payment!.Status);
        Assert.Equal("double charge", refunded.Payment.RefundReason);
        Assert.Equal(refunded, await payment.Refund("r2", "double charge"));
        Assert.Equal(PaymentRejection.PaymentRefunded, (await payment.Refund("r3", "again")).Reason);
        Assert.Equal(0m, (await lot.Quote(ticket, DateTimeOffset.UtcNow))!.AmountPaid.Amount);
        Assert.Equal(PaymentRejection.PaymentRefunded, (await payment.Confirm(new PaymentConfirmation("tx-late", "ref", Vnd(20_000m), DateTimeOffset.UtcNow))).Reason);
        Assert.False((await payment.Fail("too late")).Accepted);
    }

    [Fact]
    public async Task AFailedPayment_CannotBeConfirmed_AndNothingReachesTheLot()
    {
        var (lot, ticket) = await StayAsync("P4");
        var payment = Payment("pay-4");
        await payment.Create(new PaymentRequest("P4", ticket, Vnd(20_000m), PaymentMethod.Card));

        var failed = await payment.Fail("terminal declined");
        Assert.True(failed.Accepted);
        Assert.Equal(PaymentStatus.Failed, failed.Payment!.Status);
        Assert.True((await payment.Fail("again")).Accepted);
        Assert.Equal("terminal declined", (await payment.Get())!.FailureReason);

        var confirm = await payment.Confirm(new PaymentConfirmation("tx", "ref", Vnd(20_000m), DateTimeOffset.UtcNow));
        Assert.False(confirm.Accepted);
        Assert.Equal(PaymentRejection.PaymentFailed, confirm.Reason);
        Assert.Equal(0m, (await lot.Quote(ticket, DateTimeOffset.UtcNow))!.AmountPaid.Amount);
    }

    [Fact]
    public async Task AWrongAmount_IsRefusedAndTheFirstRightOneStillPays()
    {
        var (lot, ticket) = await StayAsync("P5");
        var payment = Payment("pay-5");
        await payment.Create(VietQr("P5", ticket, 40_000m));

        var wrong = await payment.Confirm(new PaymentConfirmation("tx-1", "ref", Vnd(4_000m), DateTimeOffset.UtcNow));
        Assert.Equal(PaymentRejection.AmountMismatch, wrong.Reason);
        Assert.Equal(PaymentStatus.Pending, (await payment.Get())!.Status);

        Assert.True((await payment.Confirm(new PaymentConfirmation("tx-2", "ref", Vnd(40_000m), DateTimeOffset.UtcNow))).Accepted);
        Assert.Equal(40_000m, (await lot.Quote(ticket, DateTimeOffset.UtcNow))!.AmountPaid.Amount);
    }

    [Fact]
    public async Task BadRequests_AreRejected_BeforeAnythingIsRecorded()
    {
        var (_, ticket) = await StayAsync("P7");
        var payment = Payment("pay-7");

        Assert.Equal("bankBin", await RefusedFieldAsync(payment.Create(VietQr("P7", ticket, 20_000m) with { BankBin = "97043" })));
        Assert.Equal("amount", await RefusedFieldAsync(payment.Create(VietQr("P7", ticket, 20_000.5m))));
        Assert.Equal("purpose", await RefusedFieldAsync(payment.Create(VietQr("P7", ticket, 20_000m, purpose: new string('x', 26)))));
        Assert.Equal("currency", await RefusedFieldAsync(payment.Create(VietQr("P7", ticket, 20_000m) with { Amount = new Money(5m, "EUR") })));
        Assert.Equal("bankBin", await RefusedFieldAsync(payment.Create(VietQr("P7", ticket, 20_000m) with { BankBin = null })));
        Assert.Equal("amount", await RefusedFieldAsync(payment.Create(new PaymentRequest("P7", ticket, Vnd(-1m), PaymentMethod.Cash))));
        Assert.Equal("sessionIdOrTicket", await RefusedFieldAsync(payment.Create(VietQr("P7", "T999999", 20_000m))));
        Assert.Equal("currency", await RefusedFieldAsync(payment.Create(new PaymentRequest("P7", ticket, new Money(5m, "EUR"), PaymentMethod.Cash))));
        Assert.Null(await payment.Get());
        Assert.Equal(PaymentRejection.NotFound, (await payment.Confirm(new PaymentConfirmation("tx", "ref", Vnd(20_000m), DateTimeOffset.UtcNow))).Reason);
        Assert.Equal(PaymentRejection.NotFound, (await payment.Refund("r", "why")).Reason);

        await payment.Create(VietQr("P7", ticket, 20_000m));
        await Assert.ThrowsAsync<InvalidOperationException>(() => payment.Create(VietQr("P7", ticket, 30_000m)));
        Assert.Equal("eventId", await RefusedFieldAsync(payment.Confirm(new PaymentConfirmation("", "ref", Vnd(20_000m), DateTimeOffset.UtcNow))));
    }

    private static async Task<string> RefusedFieldAsync(Task call) => Assert.Single((await Assert.ThrowsAsync<InvalidCommandException>(() => call)).Problems).Field;

    private IPaymentGrain Payment(string id) => fixture.Grains.GetGrain<IPaymentGrain>(id);

    private Task<(ILotGrain Lot, string Ticket)> StayAsync(string lotId) => VndStays.StayAsync(fixture.Grains, lotId);
}
