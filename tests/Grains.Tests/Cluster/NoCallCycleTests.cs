using ParkingGrains.TestSupport;
using Orleans.Configuration;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Cards;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Payments;
using ParkingGrains.Grains.Interfaces.Sessions;
using ParkingGrains.Grains.Tests.Infrastructure;
using ParkingGrains.Grains.Tests.Payments;
using static ParkingGrains.Grains.Tests.Infrastructure.DomainCluster;

namespace ParkingGrains.Grains.Tests.Cluster;

/// <summary>
/// Orleans does not detect call cycles: a non-reentrant grain waiting on a grain that calls it back hangs until the
/// response timeout. Every flow of the domain runs here with a 2 s timeout on silos and client, two silos so calls
/// cross the network path too: a cycle anywhere would surface as a TimeoutException instead of an answer.
/// </summary>
public sealed class NoCallCycleTests
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task EveryFlowAnswersWithinATwoSecondResponseTimeout()
    {
        await using var cluster = await StartAsync(silos: 2, configure: silo => silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = ShortTimeout));
        var grains = cluster.Client;
        var now = DateTimeOffset.UtcNow;

        // Configuration: lot → directory and gates.
        var lot = await grains.ConfiguredLotAsync("CY1", cars: 6);
        var reconfigured = await lot.Reconfigure(TestLayout("CY1", cars: 6), Tariff(), (await lot.GetConfiguration())!.Revision);
        Assert.True(reconfigured.Applied);

        // Card checks: gate → lot → card.
        var card = await grains.GetGrain<ICardGrain>("cy-card").Create(new CardDefinition("cy-card", CardKind.Subscriber, "Cycle Test", ["CY-CARD"], ["CY1"], now.AddDays(-1), now.AddDays(30), 1));
        Assert.Equal(CardChangeStatus.Applied, card.Status);
        var byCard = await grains.GetGrain<IGateGrain>("CY1-in").Enter(new EntryCommand("cy-e1", "CY1-in", null, "cy-card", VehicleClass.Car, now));
        Assert.True(byCard.Allowed, byCard.ReasonText);

        // Entry and exit by plate through the gates; the exit is refused until paid.
        var entry = await grains.GetGrain<IGateGrain>("CY1-in").Enter(new EntryCommand("cy-e2", "CY1-in", "CY-PLATE", null, VehicleClass.Car, now.AddHours(-2)));
        Assert.True(entry.Allowed, entry.ReasonText);
        var refused = await grains.GetGrain<IGateGrain>("CY1-out").Exit(new ExitCommand("cy-x1", "CY1-out", "CY-PLATE", null, null, now));
        Assert.Equal(DenialReason.PaymentRequired, refused.Reason);

        // Payment through the session grain (session → lot), a refund on the lot, then the exit.
        var paid = await grains.GetGrain<IVehicleSessionGrain>(entry.SessionId!).Pay("cy-p1", refused.AmountDue, PaymentMethod.Cash, now, null);
        Assert.True(paid.Accepted, paid.ReasonText);
        var refund = await lot.Refund(new RefundCommand("cy-r1", "cy-p1", entry.SessionId!, new Money(0.50m, "EUR"), PaymentMethod.Cash, null, "goodwill", now));
        Assert.True(refund.Accepted, refund.ReasonText);
        var topUp = await lot.Pay(new PaymentCommand("cy-p2", entry.SessionId!, new Money(0.50m, "EUR"), PaymentMethod.Cash, now));
        Assert.True(topUp.Accepted, topUp.ReasonText);
        var exit = await grains.GetGrain<IGateGrain>("CY1-out").Exit(new ExitCommand("cy-x2", "CY1-out", "CY-PLATE", null, null, now));
        Assert.True(exit.Open, exit.ReasonText);

        // A VietQR payment (payment grain → lot) on a VND lot.
        var (_, ticket) = await VndStays.StayAsync(grains, "CY2");
        var payment = grains.GetGrain<IPaymentGrain>("cy-pay");
        var created = await payment.Create(VndStays.VietQr("CY2", ticket, 40_000m));
        Assert.Equal(PaymentStatus.Pending, created.Payment.Status);
        var confirmed = await payment.Confirm(new PaymentConfirmation("cy-tx", "cy-ref", VndStays.Vnd(40_000m), now));
        Assert.True(confirmed.Accepted);
        Assert.True((await payment.Refund("cy-refund", "test")).Accepted);

        // Reservation: booked, held by the reminder when its window starts, expired when it ends.
        var reserved = await lot.Reserve(new ReservationCommand("cy-res", "holder-1", "CY-RES", null, VehicleClass.Car, null, now.AddSeconds(1), now.AddSeconds(3), now));
        Assert.True(reserved.Accepted, reserved.ReasonText);
        await Eventually.TrueAsync(async () => (await lot.GetReservations()).Any(r => r.ReservationId == reserved.ReservationId && r.Status == ReservationStatus.Held),
            TimeSpan.FromSeconds(20), "the reminder holds the reserved slot");
        await Eventually.TrueAsync(async () => (await lot.GetReservations()).All(r => r.ReservationId != reserved.ReservationId),
            TimeSpan.FromSeconds(20), "the reminder expires the unclaimed reservation");
        var another = await lot.Reserve(new ReservationCommand("cy-res2", "holder-1", "CY-RES2", null, VehicleClass.Car, null, now.AddHours(1), now.AddHours(2), now));
        Assert.True((await lot.CancelReservation(new CancelReservationCommand("cy-cancel", another.ReservationId!, "holder-1", now))).Accepted);

        // Override out of service and back; force-exit; gate command.
        Assert.True((await lot.OverrideSlot(new SlotOverrideCommand("cy-o1", "c6", SlotOverride.OutOfService, "repairs", "op", now))).Applied);
        Assert.True((await lot.OverrideSlot(new SlotOverrideCommand("cy-o2", "c6", SlotOverride.Automatic, "repaired", "op", now))).Applied);
        var forced = await lot.ForceExit(new ForceExitCommand("cy-f1", byCard.SessionId!, "op", "emergency", now));
        Assert.True(forced.Open, forced.ReasonText);
        await grains.HeartbeatAsAgentAsync("CY1-in");
        await grains.GetGrain<IGateGrain>("CY1-in").Command(new GateCommand("cy-g1", GateCommandKind.Open, TimeSpan.FromSeconds(5), "op", "test", now));

        // Reads, and removal (lot → directory and gates).
        Assert.Equal(0, (await lot.GetStatus()).ActiveSessions);
        Assert.True((await lot.Remove((await lot.GetConfiguration())!.Revision)).Removed);
    }
}
