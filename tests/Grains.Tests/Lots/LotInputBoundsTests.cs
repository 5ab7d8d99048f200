using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Validation;
using ParkingGrains.Grains.Tests.Infrastructure;
using static ParkingGrains.Grains.Tests.Infrastructure.DomainCluster;

namespace ParkingGrains.Grains.Tests.Lots;

/// <summary>
/// Issue 9 through the lot grain with the production bounds: bad input is refused whole before anything is decided
/// (the lot's footprint is the same before and after), and what is accepted is within the server's clock.
/// </summary>
[Collection(BoundsCollection.Name)]
public sealed class LotInputBoundsTests(BoundsClusterFixture fixture)
{
    private static readonly DateTimeOffset Year1 = new(1, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Year9999 = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Finding1And2_AnEntryOrExitDatedYear1_IsRefused_AndChangesNothing_AlsoAfterARestart()
    {
        var lot = await Grains.ConfiguredLotAsync("B1", cars: 2);
        var now = DateTimeOffset.UtcNow;
        await lot.Enter(new EntryCommand("ok-1", "B1-in", "B1OK", null, VehicleClass.Car, now));
        var before = await LotFootprint.OfAsync(lot);

        Assert.Equal("time", await RefusedFieldAsync(lot.Enter(new EntryCommand("y1", "B1-in", "B1Y1", null, VehicleClass.Car, Year1))));
        Assert.Equal("time", await RefusedFieldAsync(lot.Exit(new ExitCommand("y1-out", "B1-out", "B1OK", null, null, Year1))));
        Assert.Equal(before, await LotFootprint.OfAsync(lot));

        await lot.Enter(new EntryCommand("ok-2", "B1-in", "B1OK2", null, VehicleClass.Car, now));
        await fixture.Cluster.RestartAllSilosAsync();

        var after = Grains.GetGrain<ILotGrain>("B1");
        Assert.Equal(2, (await after.GetStatus()).ActiveSessions);
        Assert.DoesNotContain(await after.GetActiveSessions(null), s => s.Plate == "B1Y1");
    }

    [Fact]
    public async Task Finding2_AReservationIn9999_IsRefused_NotBooked()
    {
        var lot = await Grains.ConfiguredLotAsync("B2", cars: 1);
        var now = DateTimeOffset.UtcNow;
        var before = await LotFootprint.OfAsync(lot);

        var refused = await Assert.ThrowsAsync<InvalidCommandException>(() =>
            lot.Reserve(new ReservationCommand("r", "driver", "B2RES", null, VehicleClass.Car, null, Year9999.AddDays(-1), Year9999, now)));
        Assert.Contains(refused.Problems, p => p.Field == "to");
        Assert.Equal("from", await RefusedFieldAsync(lot.Reserve(new ReservationCommand("r2", "driver", "B2RES", null, VehicleClass.Car, null, Year1, Year1.AddDays(1), now))));
        Assert.Equal("to", await RefusedFieldAsync(lot.Reserve(new ReservationCommand("r3", "driver", "B2RES", null, VehicleClass.Car, null, now.AddDays(1), now.AddDays(40), now))));
        Assert.Equal(before, await LotFootprint.OfAsync(lot));
        Assert.Empty(await lot.GetReservations());
    }

    [Fact]
    public async Task Finding3_AReservationMonthsAhead_IsBooked_ItsReminderDueIsClamped_AndTheLotStillWorksAfterARestart()
    {
        var lot = await Grains.ConfiguredLotAsync("B3", cars: 2);
        var now = DateTimeOffset.UtcNow;

        // 200 days ahead: Orleans refuses a reminder due in more than ~49.7 days, so registering it unclamped would throw.
        var booked = await lot.Reserve(new ReservationCommand("far", "driver", "B3FAR", null, VehicleClass.Car, null, now.AddDays(200), now.AddDays(201), now));
        Assert.True(booked.Accepted, booked.ReasonText);

        await fixture.Cluster.RestartAllSilosAsync();
        var after = Grains.GetGrain<ILotGrain>("B3");
        Assert.Single(await after.GetReservations());

        // Reminders still work: a window starting now is held by the lot's reminder.
        var soon = await after.Reserve(new ReservationCommand("soon", "driver-2", "B3NOW", null, VehicleClass.Car, null, now, DateTimeOffset.UtcNow.AddHours(1), DateTimeOffset.UtcNow));
        Assert.True(soon.Accepted, soon.ReasonText);
        await Eventually.TrueAsync(async () => (await after.GetSlots()).Any(s => s.ReservationId == soon.ReservationId), TimeSpan.FromSeconds(20), "the reminder to hold the slot");
    }

    [Fact]
    public async Task Finding5_EventTimesAreBoundedByTheServerClock_AndOldOnesAreMarkedReplayed()
    {
        var lot = await Grains.ConfiguredLotAsync("B5", cars: 3);
        var now = DateTimeOffset.UtcNow;
        var before = await LotFootprint.OfAsync(lot);

        Assert.Equal("time", await RefusedFieldAsync(lot.Enter(new EntryCommand("future", "B5-in", "B5F", null, VehicleClass.Car, Year9999))));
        Assert.Equal("time", await RefusedFieldAsync(lot.Enter(new EntryCommand("skewed", "B5-in", "B5F", null, VehicleClass.Car, now.AddMinutes(10)))));
        Assert.Equal("time", await RefusedFieldAsync(lot.Enter(new EntryCommand("2020", "B5-in", "B5OLD", null, VehicleClass.Car, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)))));
        Assert.Equal("time", await RefusedFieldAsync(lot.Enter(new EntryCommand("8days", "B5-in", "B5OLD", null, VehicleClass.Car, now.AddDays(-8)))));
        Assert.Equal(before, await LotFootprint.OfAsync(lot));

        var live = await lot.Enter(new EntryCommand("live", "B5-in", "B5LIVE", null, VehicleClass.Car, now.AddMinutes(1)));
        Assert.True(live.Allowed);
        Assert.False(live.Replayed);

        // An offline gate catching up: accepted, marked, and charged from its own (bounded) time.
        var replayed = await lot.Enter(new EntryCommand("replay", "B5-in", "B5REPLAY", null, VehicleClass.Car, now.AddMinutes(-150)));
        Assert.True(replayed.Allowed);
        Assert.True(replayed.Replayed);
        var quote = await lot.Quote(replayed.Ticket!, DateTimeOffset.UtcNow);
        Assert.Equal(2.00m + 1.50m + 1.50m, quote!.AmountDue.Amount); // 2.5 h: the first hour and two started ones

    }

    [Fact]
    public async Task Finding7_PlatesAndTextAreBounded_AndHostileCharactersRefused()
    {
        var lot = await Grains.ConfiguredLotAsync("B7", cars: 2);
        var now = DateTimeOffset.UtcNow;
        var before = await LotFootprint.OfAsync(lot);

        Assert.Equal("plate", await RefusedFieldAsync(lot.Enter(new EntryCommand("long", "B7-in", new string('A', 900_000), null, VehicleClass.Car, now))));
        Assert.Equal("plate", await RefusedFieldAsync(lot.Enter(new EntryCommand("bidi", "B7-in", "AB\u202E123", null, VehicleClass.Car, now))));
        Assert.Equal("plate", await RefusedFieldAsync(lot.Enter(new EntryCommand("zw", "B7-in", "AB\u200B123", null, VehicleClass.Car, now))));
        Assert.Equal("plate", await RefusedFieldAsync(lot.Enter(new EntryCommand("thirteen", "B7-in", "ABCDEFGHJ1234", null, VehicleClass.Car, now))));
        Assert.Equal("eventId", await RefusedFieldAsync(lot.Enter(new EntryCommand(new string('e', 65), "B7-in", "B7A", null, VehicleClass.Car, now))));
        Assert.Equal("eventId", await RefusedFieldAsync(lot.Enter(new EntryCommand(" ", "B7-in", "B7A", null, VehicleClass.Car, now))));
        Assert.Equal("cardId", await RefusedFieldAsync(lot.Enter(new EntryCommand("card", "B7-in", null, "C\u2066ARD", VehicleClass.Car, now))));
        Assert.Equal("reason", await RefusedFieldAsync(lot.OverrideSlot(new SlotOverrideCommand("o", "c1", SlotOverride.OutOfService, new string('r', 201), "alice", now))));
        Assert.Equal("operator", await RefusedFieldAsync(lot.OverrideSlot(new SlotOverrideCommand("o2", "c1", SlotOverride.OutOfService, "flood", "al\uFEFFice", now))));
        Assert.Equal("plate", await RefusedFieldAsync(lot.GetActiveSessions(new string('A', 1_000))));
        Assert.Equal(before, await LotFootprint.OfAsync(lot));

        // Separators and case still normalise as before.
        var entry = await lot.Enter(new EntryCommand("ok", "B7-in", "b7-12.3 4", null, VehicleClass.Car, now));
        Assert.True(entry.Allowed);
        Assert.Single(await lot.GetActiveSessions("B7123"));
    }

    [Fact]
    public async Task Finding8_AmountsHaveTheCurrencysPrecision_OverpaymentNeedsTheFlag_AndRefundsNeverExceedWhatWasPaid()
    {
        var lot = await Grains.ConfiguredLotAsync("B8", cars: 2);
        var now = DateTimeOffset.UtcNow;
        var entry = await lot.Enter(new EntryCommand("e", "B8-in", "B8PAY", null, VehicleClass.Car, now.AddMinutes(-30)));
        var before = await LotFootprint.OfAsync(lot);

        Assert.Equal("amount", await RefusedFieldAsync(lot.Pay(new PaymentCommand("p1", entry.SessionId!, new Money(12.345m, "EUR"), PaymentMethod.Cash, now))));
        Assert.Equal("amount", await RefusedFieldAsync(lot.Pay(new PaymentCommand("p2", entry.SessionId!, new Money(20_000_000m, "EUR"), PaymentMethod.Cash, now, Overpayment: true))));
        Assert.Equal("currency", await RefusedFieldAsync(lot.Pay(new PaymentCommand("p3", entry.SessionId!, new Money(1m, "euro"), PaymentMethod.Cash, now))));

        // 2.00 is due; a million is refused without the flag, and nothing is recorded, so the same id may be retried.
        Assert.Equal("amount", await RefusedFieldAsync(lot.Pay(new PaymentCommand("p4", entry.SessionId!, new Money(1_000_000m, "EUR"), PaymentMethod.Cash, now))));
        Assert.Equal(before, await LotFootprint.OfAsync(lot));

        var exact = await lot.Pay(new PaymentCommand("p5", entry.SessionId!, new Money(2.00m, "EUR"), PaymentMethod.Cash, now));
        Assert.True(exact.Accepted);
        Assert.False(exact.Overpayment);
        Assert.Equal("amount", await RefusedFieldAsync(lot.Pay(new PaymentCommand("p6", entry.SessionId!, new Money(0.01m, "EUR"), PaymentMethod.Cash, now))));

        var meant = await lot.Pay(new PaymentCommand("p6", entry.SessionId!, new Money(5.00m, "EUR"), PaymentMethod.Cash, now, Overpayment: true));
        Assert.True(meant.Accepted);
        Assert.True(meant.Overpayment);
        Assert.Equal(7.00m, meant.AmountPaid.Amount);

        var tooMuchBack = await Assert.ThrowsAsync<InvalidCommandException>(() =>
            lot.Refund(new RefundCommand("rf1", "p6", entry.SessionId!, new Money(7.01m, "EUR"), PaymentMethod.Cash, VehicleClass.Car, "error", now)));
        Assert.Equal("amount", Assert.Single(tooMuchBack.Problems).Field);
        Assert.True((await lot.Refund(new RefundCommand("rf2", "p6", entry.SessionId!, new Money(5.00m, "EUR"), PaymentMethod.Cash, VehicleClass.Car, "error", now))).Accepted);
    }

    [Fact]
    public async Task Finding13_ReservationsTakePlainBaysFirst_AccessibleOrEvOnlyWhenAskedOrNothingElseIsFree()
    {
        var layout = TestLayout("B13", cars: 4);
        layout = layout with
        {
            Slots = [layout.Slots[0] with { Accessible = true }, layout.Slots[1] with { Ev = true }, layout.Slots[2], layout.Slots[3]],
        };
        var lot = Grains.GetGrain<ILotGrain>("B13");
        Assert.True((await lot.Configure(layout, Tariff())).Applied);
        var now = DateTimeOffset.UtcNow;
        var from = now.AddDays(1);
        ReservationCommand Reserve(string id, bool accessible = false, bool ev = false) =>
            new(id, $"holder-{id}", $"B13{id}", null, VehicleClass.Car, null, from, from.AddHours(2), now, accessible, ev);

        Assert.Equal("c3", (await lot.Reserve(Reserve("A"))).SlotId);
        Assert.Equal("c1", (await lot.Reserve(Reserve("B", accessible: true))).SlotId);
        Assert.Equal("c4", (await lot.Reserve(Reserve("C"))).SlotId);
        Assert.Equal("c2", (await lot.Reserve(Reserve("D"))).SlotId);
        Assert.Equal(DenialReason.ClassFull, (await lot.Reserve(Reserve("E", ev: true))).Reason);
    }

    private static async Task<string> RefusedFieldAsync(Task call) =>
        Assert.Single((await Assert.ThrowsAsync<InvalidCommandException>(() => call)).Problems).Field;
}
