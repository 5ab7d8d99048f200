using ParkingGrains.TestSupport;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Cards;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Sessions;
using ParkingGrains.Grains.Interfaces.Validation;
using ParkingGrains.Grains.Tests.Infrastructure;
using static ParkingGrains.Grains.Tests.Infrastructure.DomainCluster;

namespace ParkingGrains.Grains.Tests.Lots;

[Collection(DomainCollection.Name)]
public sealed class LotGrainTests(DomainClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task EntryGetsTheNearestSlotAndATicket_ExitNeedsPayment_ThenOpensAndFreesTheSlot()
    {
        var lot = await Grains.ConfiguredLotAsync("L1", cars: 3);
        var gateIn = Grains.GetGrain<IGateGrain>("L1-in");
        var gateOut = Grains.GetGrain<IGateGrain>("L1-out");

        var entry = await gateIn.Enter(new EntryCommand("e1", "L1-in", "51F-123.45", null, VehicleClass.Car, T0));

        Assert.True(entry.Allowed);
        Assert.Equal("c1", entry.Slot!.SlotId);
        Assert.Equal("T000001", entry.Ticket);
        Assert.Equal("L1:T000001", entry.SessionId);
        Assert.Contains("Ground", entry.Slot.Directions);
        Assert.Equal(2, entry.FreeCounts[VehicleClass.Car]);

        // 2 h 5 min: first hour 2.00 + two started later hours 3.00.
        var exitTime = T0.AddMinutes(125);
        var refused = await gateOut.Exit(new ExitCommand("x1", "L1-out", "51F12345", null, null, exitTime));
        Assert.False(refused.Open);
        Assert.Equal(DenialReason.PaymentRequired, refused.Reason);
        Assert.Equal(5.00m, refused.AmountDue.Amount);

        var paid = await Grains.GetGrain<IVehicleSessionGrain>(entry.SessionId!).Pay("p1", new Money(5.00m, "EUR"), PaymentMethod.Cash, exitTime, null);
        Assert.True(paid.Accepted);
        Assert.Equal(0m, paid.AmountDue.Amount);

        var exit = await gateOut.Exit(new ExitCommand("x2", "L1-out", null, null, "T000001", exitTime.AddMinutes(5)));
        Assert.True(exit.Open);
        Assert.Equal(3, exit.FreeCounts[VehicleClass.Car]);
        Assert.Empty(await lot.GetActiveSessions(null));
        Assert.Equal(SlotStatus.Free, (await lot.GetSlots()).Single(s => s.SlotId == "c1").Status);
    }

    [Fact]
    public async Task PlateAlreadyInside_IsDenied_OrFlagged_PerLotSetting()
    {
        var deny = await Grains.ConfiguredLotAsync("L3", cars: 3);
        await deny.Enter(new EntryCommand("a", "L3-in", "XYZ-1", null, VehicleClass.Car, T0));
        var second = await deny.Enter(new EntryCommand("b", "L3-in", "xyz 1", null, VehicleClass.Car, T0.AddMinutes(1)));
        Assert.False(second.Allowed);
        Assert.Equal(DenialReason.PlateAlreadyInside, second.Reason);

        var flag = await Grains.ConfiguredLotAsync("L4", cars: 3, settings: LotSettings.Default with { PlateAlreadyInside = PlateInsidePolicy.Flag });
        await flag.Enter(new EntryCommand("a", "L4-in", "XYZ-1", null, VehicleClass.Car, T0));
        var flagged = await flag.Enter(new EntryCommand("b", "L4-in", "XYZ-1", null, VehicleClass.Car, T0.AddMinutes(1)));
        Assert.True(flagged.Allowed);
        Assert.True(flagged.Flagged);

        // Exits by plate take the earliest stay first, then the flagged one, then there is none.
        var first = await flag.Exit(new ExitCommand("x1", "L4-out", "xyz-1", null, null, T0.AddMinutes(2)));
        var then = await flag.Exit(new ExitCommand("x2", "L4-out", "XYZ 1", null, null, T0.AddMinutes(3)));
        var none = await flag.Exit(new ExitCommand("x3", "L4-out", "XYZ1", null, null, T0.AddMinutes(4)));
        Assert.Equal((true, "L4:T000001"), (first.Open, first.SessionId));
        Assert.Equal((true, flagged.SessionId), (then.Open, then.SessionId));
        Assert.Equal(DenialReason.SessionNotFound, none.Reason);
    }

    [Fact]
    public async Task AFullClass_IsDeniedWithAReason_AndOverflowIsUsedOnlyWhenConfigured()
    {
        var lot = await Grains.ConfiguredLotAsync("L5", cars: 1, motorcycles: 1);
        Assert.True((await lot.Enter(new EntryCommand("m1", "L5-in", "MOTO1", null, VehicleClass.Motorcycle, T0))).Allowed);
        var full = await lot.Enter(new EntryCommand("m2", "L5-in", "MOTO2", null, VehicleClass.Motorcycle, T0));
        Assert.Equal(DenialReason.ClassFull, full.Reason);
        Assert.False(string.IsNullOrWhiteSpace(full.ReasonText));

        var overflow = await Grains.ConfiguredLotAsync("L6", cars: 1, motorcycles: 1,
            settings: LotSettings.Default with { OverflowRules = [new OverflowRule(VehicleClass.Motorcycle, VehicleClass.Car)] });
        await overflow.Enter(new EntryCommand("m1", "L6-in", "MOTO1", null, VehicleClass.Motorcycle, T0));
        var intoCar = await overflow.Enter(new EntryCommand("m2", "L6-in", "MOTO2", null, VehicleClass.Motorcycle, T0));
        Assert.True(intoCar.Allowed);
        Assert.Equal("c1", intoCar.Slot!.SlotId);
    }

    [Fact]
    public async Task Cards_BlockedAndExpiredAreDenied_SubscribersParkFreeWithinTheirQuota()
    {
        var lot = await Grains.ConfiguredLotAsync("L7", cars: 5);
        await Card("blocked", CardKind.Visitor, quota: 1).Configure(Definition("blocked", CardKind.Visitor, 1) with { Blocked = true, BlockReason = "stolen" });
        await Card("expired", CardKind.Visitor, quota: 1).Configure(Definition("expired", CardKind.Visitor, 1) with { ValidTo = T0.AddDays(-1), ValidFrom = T0.AddDays(-30) });
        await Card("monthly", CardKind.Subscriber, quota: 1).Configure(Definition("monthly", CardKind.Subscriber, 1));

        Assert.Equal(DenialReason.CardBlocked, (await lot.Enter(new EntryCommand("b", "L7-in", null, "blocked", VehicleClass.Car, T0))).Reason);
        Assert.Equal(DenialReason.CardExpired, (await lot.Enter(new EntryCommand("x", "L7-in", null, "expired", VehicleClass.Car, T0))).Reason);
        Assert.Equal(DenialReason.CardUnknown, (await lot.Enter(new EntryCommand("u", "L7-in", null, "nobody", VehicleClass.Car, T0))).Reason);

        Assert.True((await lot.Enter(new EntryCommand("s1", "L7-in", "SUB-1", "monthly", VehicleClass.Car, T0))).Allowed);
        Assert.Equal(DenialReason.SubscriberQuotaReached, (await lot.Enter(new EntryCommand("s2", "L7-in", "SUB-2", "monthly", VehicleClass.Car, T0))).Reason);

        var exit = await lot.Exit(new ExitCommand("sx", "L7-out", null, "monthly", null, T0.AddHours(9)));
        Assert.True(exit.Open);
        Assert.Equal(0m, exit.Fee!.Total.Amount);
    }

    [Fact]
    public async Task PayingAtAPayStation_GivesAFreeExitWindow_AfterWhichMoreIsDue_AndALostTicketCostsItsFee()
    {
        var lot = await Grains.ConfiguredLotAsync("L8", cars: 3);
        var entry = await lot.Enter(new EntryCommand("e", "L8-in", "PAY-1", null, VehicleClass.Car, T0));
        await lot.Pay(new PaymentCommand("p", entry.Ticket!, new Money(2.00m, "EUR"), PaymentMethod.Card, T0.AddMinutes(50)));

        var late = await lot.Exit(new ExitCommand("x2", "L8-out", "PAY-1", null, null, T0.AddMinutes(50 + 16)));
        Assert.False(late.Open);
        Assert.Equal(1.50m, late.AmountDue.Amount);

        var lost = await lot.Exit(new ExitCommand("x3", "L8-out", "PAY-1", null, null, T0.AddMinutes(50 + 16), LostTicket: true));
        Assert.Equal(21.50m, lost.AmountDue.Amount);

        var inGrace = await Grains.ConfiguredLotAsync("L9", cars: 1);
        var second = await inGrace.Enter(new EntryCommand("e", "L9-in", "PAY-2", null, VehicleClass.Car, T0));
        await inGrace.Pay(new PaymentCommand("p", second.SessionId!, new Money(2.00m, "EUR"), PaymentMethod.VietQr, T0.AddMinutes(55)));
        var free = await inGrace.Exit(new ExitCommand("x", "L9-out", "PAY-2", null, null, T0.AddMinutes(69)));
        Assert.True(free.Open);
        Assert.Equal(0m, free.AmountDue.Amount);
    }

    [Fact]
    public async Task Payments_InTheWrongCurrencyOrNotPositive_AreRejectedWithReasons()
    {
        var lot = await Grains.ConfiguredLotAsync("L10", cars: 1);
        var entry = await lot.Enter(new EntryCommand("e", "L10-in", "CUR-1", null, VehicleClass.Car, T0));
        Assert.Equal(DenialReason.CurrencyMismatch, (await lot.Pay(new PaymentCommand("p1", entry.SessionId!, new Money(5m, "VND"), PaymentMethod.Cash, T0))).Reason);
        var negative = await Assert.ThrowsAsync<InvalidCommandException>(() => lot.Pay(new PaymentCommand("p2", entry.SessionId!, new Money(-1m, "EUR"), PaymentMethod.Cash, T0)));
        Assert.Equal("amount", Assert.Single(negative.Problems).Field);
        Assert.Equal(DenialReason.SessionNotFound, (await lot.Pay(new PaymentCommand("p3", "T999999", new Money(1m, "EUR"), PaymentMethod.Cash, T0))).Reason);
    }

    [Fact]
    public async Task OverridesAndForceExit_ChangeWhatCanBeAllocated_AndAreRecordedWithOperatorAndReason()
    {
        var lot = await Grains.ConfiguredLotAsync("L11", cars: 2);
        var oos = await lot.OverrideSlot(new SlotOverrideCommand("o1", "c1", SlotOverride.OutOfService, "flooded", "alice", T0));
        Assert.True(oos.Applied);
        Assert.Equal(SlotStatus.OutOfService, oos.Slot!.Status);

        var entry = await lot.Enter(new EntryCommand("e", "L11-in", "OVR-1", null, VehicleClass.Car, T0));
        Assert.Equal("c2", entry.Slot!.SlotId);
        Assert.Equal(DenialReason.ClassFull, (await lot.Enter(new EntryCommand("e2", "L11-in", "OVR-2", null, VehicleClass.Car, T0))).Reason);

        var freeOccupied = await lot.OverrideSlot(new SlotOverrideCommand("o2", "c2", SlotOverride.Free, "sensor fault", "alice", T0));
        Assert.Equal(DenialReason.SlotOccupied, freeOccupied.Reason);

        var forced = await lot.ForceExit(new ForceExitCommand("f1", entry.SessionId!, "alice", "fire alarm", T0.AddMinutes(30)));
        Assert.True(forced.Open);
        Assert.True((await lot.Enter(new EntryCommand("e3", "L11-in", "OVR-3", null, VehicleClass.Car, T0))).Allowed);
        Assert.Equal(DenialReason.SessionNotFound, (await lot.ForceExit(new ForceExitCommand("f2", "L11:T000404", "alice", "again", T0))).Reason);
    }

    [Fact]
    public async Task Reservations_HoldASlotForTheHolder_RejectOverlaps_AndExpireWhenUnclaimed()
    {
        var lot = await Grains.ConfiguredLotAsync("L12", cars: 2);
        var now = DateTimeOffset.UtcNow;
        var booked = await lot.Reserve(new ReservationCommand("r1", "driver-1", "RES-1", null, VehicleClass.Car, "c1", now.AddMinutes(-1), now.AddHours(2), now));
        Assert.True(booked.Accepted);
        var overlapping = await lot.Reserve(new ReservationCommand("r2", "driver-2", "RES-2", null, VehicleClass.Car, "c1", now.AddHours(1), now.AddHours(3), now));
        Assert.Equal(DenialReason.ReservationOverlaps, overlapping.Reason);

        // The window has begun: the reminder holds c1, so a walk-in gets c2 and the holder gets c1.
        await Eventually.TrueAsync(async () => (await lot.GetSlots()).Single(s => s.SlotId == "c1").Status == SlotStatus.Held, because: "the hold");
        Assert.Equal("c2", (await lot.Enter(new EntryCommand("w", "L12-in", "WALK-1", null, VehicleClass.Car, now))).Slot!.SlotId);
        var holder = await lot.Enter(new EntryCommand("h", "L12-in", "RES-1", null, VehicleClass.Car, now));
        Assert.Equal("c1", holder.Slot!.SlotId);
        Assert.Empty(await lot.GetReservations());

        var lot2 = await Grains.ConfiguredLotAsync("L13", cars: 1);
        var shortWindow = await lot2.Reserve(new ReservationCommand("r", "driver-3", "RES-3", null, VehicleClass.Car, null, now.AddMilliseconds(-500), now.AddSeconds(1), now));
        Assert.True(shortWindow.Accepted);
        await Eventually.TrueAsync(async () => (await lot2.GetReservations()).Count == 0, because: "the unclaimed reservation to expire");
        Assert.Equal(SlotStatus.Free, (await lot2.GetSlots()).Single().Status);

        var cancelled = await lot2.Reserve(new ReservationCommand("r9", "driver-4", "RES-4", null, VehicleClass.Car, null, now.AddHours(5), now.AddHours(6), now));
        Assert.Equal(DenialReason.ReservationNotFound, (await lot2.CancelReservation(new CancelReservationCommand("c0", cancelled.ReservationId!, "someone-else", now))).Reason);
        Assert.True((await lot2.CancelReservation(new CancelReservationCommand("c1", cancelled.ReservationId!, "driver-4", now))).Accepted);
    }

    [Fact]
    public async Task AnInvalidLayout_IsRejectedWhole_WithEveryProblemListed()
    {
        var lot = Grains.GetGrain<ILotGrain>("L14");
        var layout = TestLayout("L14", cars: 2);
        var broken = layout with
        {
            Slots = [.. layout.Slots, layout.Slots[0], layout.Slots[1] with { SlotId = "c9", FloorId = "nowhere" }],
            TimeZoneId = "Mars/Olympus",
        };

        var result = await lot.Configure(broken, Tariff());

        Assert.False(result.Applied);
        Assert.Contains(result.Problems, p => p.Code == "DuplicateSlotId");
        Assert.Contains(result.Problems, p => p.Code == "UnknownFloor");
        Assert.Contains(result.Problems, p => p.Code == "UnknownTimeZone");
        Assert.Null(await lot.GetLayout());
        Assert.Equal(DenialReason.LotNotConfigured, (await lot.Enter(new EntryCommand("e", "L14-in", "A1", null, VehicleClass.Car, T0))).Reason);
    }

    [Fact]
    public async Task GatesCheckDirection_AndRecordOperatorCommands()
    {
        await Grains.ConfiguredLotAsync("L15", cars: 1);
        var gateOut = Grains.GetGrain<IGateGrain>("L15-out");
        Assert.Equal(DenialReason.WrongGateDirection, (await gateOut.Enter(new EntryCommand("e", "L15-out", "DIR-1", null, VehicleClass.Car, T0))).Reason);

        await fixture.Grains.HeartbeatAsAgentAsync("L15-out");
        var opened = await gateOut.Command(new GateCommand("g1", GateCommandKind.Open, TimeSpan.FromMinutes(5), "bob", "ambulance", DateTimeOffset.UtcNow));
        Assert.Equal(BarrierState.Open, opened.Barrier);
        Assert.Equal(BarrierState.Open, (await gateOut.GetStatus()).Barrier);
        var again = await gateOut.Command(new GateCommand("g1", GateCommandKind.Open, TimeSpan.FromMinutes(5), "bob", "ambulance", DateTimeOffset.UtcNow.AddMinutes(1)));
        Assert.Equal(opened, again);
        Assert.Equal(BarrierState.Closed, (await gateOut.Command(new GateCommand("g2", GateCommandKind.Close, null, "bob", "done", DateTimeOffset.UtcNow))).Barrier);
        var unnamed = await Assert.ThrowsAsync<InvalidCommandException>(() => gateOut.Command(new GateCommand("g3", GateCommandKind.Open, null, "", "", DateTimeOffset.UtcNow)));
        Assert.Equal(["operator", "reason"], unnamed.Problems.Select(p => p.Field));
    }

    private ICardGrain Card(string id, CardKind kind, int quota) => Grains.GetGrain<ICardGrain>(id);

    private static CardDefinition Definition(string id, CardKind kind, int quota) =>
        new(id, kind, "Holder", [], [], T0.AddDays(-1), T0.AddDays(30), quota);
}
