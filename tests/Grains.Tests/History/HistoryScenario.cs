using ParkingGrains.History;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Lots;
using static ParkingGrains.Grains.Tests.Infrastructure.DomainCluster;

namespace ParkingGrains.Grains.Tests.History;

/// <summary>
/// Stays driven through the real lot grains at known times, and the report values worked out by hand. The lots are
/// in Europe/Berlin (UTC+2 in June): a stay at 21:40–22:50 UTC on 1 June is 23:40–00:50 local, so its payment and
/// exit belong to 2 June — UTC bucketing would get them wrong. A third lot in Asia/Ho_Chi_Minh has no stays; its only
/// role is that "all lots" share no time zone, so queries over all lots must name one. Run once per engine (fixture).
/// </summary>
public static class HistoryScenario
{
    public const string LotA = "hist-a";
    public const string LotB = "hist-b";
    public const string LotDst = "hist-dst";
    public const string LotSaigon = "hist-hcm";
    public const string LotRefunds = "hist-r";

    private static readonly DateTimeOffset D1 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset D2 = D1.AddDays(1);

    // Local midnights of 1, 2 and 3 June in Berlin.
    private static readonly DateTimeOffset LocalJune1 = D1.AddHours(-2);
    private static readonly DateTimeOffset LocalJune2 = D2.AddHours(-2);
    private static readonly DateTimeOffset LocalJune3 = D2.AddDays(1).AddHours(-2);

    private static DateTime Local(int day, int hour) => new(2026, 6, day, hour, 0, 0, DateTimeKind.Unspecified);

    // Vehicle-minutes over minutes, rounded as the history rounds its averages.
    private static double Avg(double vehicleMinutes, double minutes) => Math.Round(vehicleMinutes / minutes, 4);

    public static async Task RunAsync(IGrainFactory grains)
    {
        var a = grains.GetGrain<ILotGrain>(LotA);
        var b = grains.GetGrain<ILotGrain>(LotB);
        var dst = grains.GetGrain<ILotGrain>(LotDst);
        Assert.True((await a.Configure(TestLayout(LotA, cars: 3, motorcycles: 2), Tariff())).Applied);
        Assert.True((await b.Configure(TestLayout(LotB, cars: 2), Tariff())).Applied);
        Assert.True((await dst.Configure(TestLayout(LotDst, cars: 4), Tariff())).Applied);
        var saigon = grains.GetGrain<ILotGrain>(LotSaigon);
        Assert.True((await saigon.Configure(TestLayout(LotSaigon, cars: 1) with { TimeZoneId = "Asia/Ho_Chi_Minh" }, Tariff())).Applied);

        // Lot A, 1 June (UTC times; local = +2h).
        await StayAsync(a, LotA, "A1", VehicleClass.Car, D1.AddHours(6).AddMinutes(10), (2.00m, PaymentMethod.Card, D1.AddHours(6).AddMinutes(50)), D1.AddHours(6).AddMinutes(55));
        await StayAsync(a, LotA, "A2", VehicleClass.Motorcycle, D1.AddHours(6).AddMinutes(20), (0.50m, PaymentMethod.Cash, D1.AddHours(7).AddMinutes(5)), D1.AddHours(7).AddMinutes(10));
        await StayAsync(a, LotA, "A3", VehicleClass.Car, D1.AddHours(7).AddMinutes(30), (3.50m, PaymentMethod.Cash, D1.AddHours(9).AddMinutes(15)), D1.AddHours(9).AddMinutes(20));
        await StayAsync(a, LotA, "A4", VehicleClass.Car, D1.AddHours(21).AddMinutes(40), (3.50m, PaymentMethod.Card, D1.AddHours(22).AddMinutes(45)), D1.AddHours(22).AddMinutes(50));

        // Lot A, 2 June: a force-closed motorcycle, a car still inside, a car leaving within the free grace.
        var a5 = await EnterAsync(a, LotA, "A5", VehicleClass.Motorcycle, D2.AddHours(8));
        Assert.True((await a.ForceExit(new ForceExitCommand("A5-force", a5, "op-1", "fire drill", D2.AddHours(9)))).Open);
        await EnterAsync(a, LotA, "A6", VehicleClass.Car, D2.AddHours(8).AddMinutes(5));
        await StayAsync(a, LotA, "A7", VehicleClass.Car, D2.AddHours(10), null, D2.AddHours(10).AddMinutes(5));

        // Lot B, 1 June.
        await StayAsync(b, LotB, "B1", VehicleClass.Car, D1.AddHours(6).AddMinutes(15), (2.00m, PaymentMethod.VietQr, D1.AddHours(6).AddMinutes(40)), D1.AddHours(6).AddMinutes(45));

        // Lot R, 3-5 June: a card payment refunded while the car is inside (so it must pay again), and a payment
        // refunded the day after the car left (negative revenue on the day of the refund, under the stay's class). R1 pays
        // 3.50 where 2.00 is due, on purpose (the overpayment flag).
        var r = grains.GetGrain<ILotGrain>(LotRefunds);
        Assert.True((await r.Configure(TestLayout(LotRefunds, cars: 2), Tariff())).Applied);
        var D3 = D2.AddDays(1);
        var r1 = await EnterAsync(r, LotRefunds, "R1", VehicleClass.Car, D3.AddHours(8));
        Assert.True((await r.Pay(new PaymentCommand("R1-pay", r1, new Money(3.50m, "EUR"), PaymentMethod.Card, D3.AddHours(8).AddMinutes(30), Overpayment: true))).Accepted);
        var refunded = await r.Refund(new RefundCommand("R1-refund", "R1-pay", r1, new Money(3.50m, "EUR"), PaymentMethod.Card, VehicleClass.Car, "charged twice", D3.AddHours(8).AddMinutes(40)));
        Assert.True(refunded.Accepted, refunded.ReasonText);
        Assert.Equal((0m, 2.00m), (refunded.AmountPaid.Amount, refunded.AmountDue.Amount));
        Assert.Equal(DenialReason.PaymentRequired, (await r.Exit(new ExitCommand("R1-early", $"{LotRefunds}-out", "P-R1", null, null, D3.AddHours(8).AddMinutes(45)))).Reason);
        Assert.True((await r.Pay(new PaymentCommand("R1-pay2", r1, new Money(3.50m, "EUR"), PaymentMethod.Cash, D3.AddHours(9), Overpayment: true))).Accepted);
        Assert.True((await r.Exit(new ExitCommand("R1-out", $"{LotRefunds}-out", "P-R1", null, null, D3.AddHours(9).AddMinutes(5)))).Open);
        await StayAsync(r, LotRefunds, "R2", VehicleClass.Car, D3.AddDays(1).AddHours(8), (2.00m, PaymentMethod.VietQr, D3.AddDays(1).AddHours(8).AddMinutes(50)), D3.AddDays(1).AddHours(8).AddMinutes(55));
        var late = await r.Refund(new RefundCommand("R2-refund", "R2-pay", "gone", new Money(2.00m, "EUR"), PaymentMethod.VietQr, VehicleClass.Car, "goodwill", D3.AddDays(2).AddHours(10)));
        Assert.True(late.Accepted, late.ReasonText);
        Assert.Equal(late, await r.Refund(new RefundCommand("R2-refund", "R2-pay", "gone", new Money(2.00m, "EUR"), PaymentMethod.VietQr, VehicleClass.Car, "goodwill", D3.AddDays(2).AddHours(10))));

        // Around the end of summer time (25 Oct 2026, 03:00 CEST -> 02:00 CET): 01:30 CEST, 02:30 CEST, 02:30 CET, 03:30 CET.
        var fallBack = new DateTimeOffset(2026, 10, 24, 23, 30, 0, TimeSpan.Zero);
        for (var i = 0; i < 4; i++)
        {
            await EnterAsync(dst, LotDst, $"D{i}", VehicleClass.Car, fallBack.AddHours(i));
        }
    }

    /// <summary>No payment of lots A and B was above what was due: every row's Overpaid is 0 (the record's default).</summary>
    public static async Task AssertRevenueAsync(IParkingHistory history)
    {
        // Per local day, lots A and B together (the zone comes from their configuration).
        Assert.Equal(
            [new RevenueRow(Local(1, 0), null, null, null, "EUR", 8.00m, 4), new RevenueRow(Local(2, 0), null, null, null, "EUR", 3.50m, 1)],
            await history.GetRevenueAsync(new RevenueQuery(LocalJune1, LocalJune3) { LotIds = [LotA, LotB] }));

        // The same payments bucketed in UTC: the 22:45 UTC payment now falls on 1 June.
        Assert.Equal(
            [new RevenueRow(new DateTime(2026, 6, 1), null, null, null, "EUR", 11.50m, 5)],
            await history.GetRevenueAsync(new RevenueQuery(D1, D2.AddDays(1)) { TimeZoneId = "UTC" }));

        Assert.Equal(
            [
                new RevenueRow(Local(1, 0), LotA, VehicleClass.Car, PaymentMethod.Card, "EUR", 2.00m, 1),
                new RevenueRow(Local(1, 0), LotA, VehicleClass.Car, PaymentMethod.Cash, "EUR", 3.50m, 1),
                new RevenueRow(Local(1, 0), LotA, VehicleClass.Motorcycle, PaymentMethod.Cash, "EUR", 0.50m, 1),
                new RevenueRow(Local(1, 0), LotB, VehicleClass.Car, PaymentMethod.VietQr, "EUR", 2.00m, 1),
                new RevenueRow(Local(2, 0), LotA, VehicleClass.Car, PaymentMethod.Card, "EUR", 3.50m, 1),
            ],
            await history.GetRevenueAsync(new RevenueQuery(LocalJune1, LocalJune3)
            {
                TimeZoneId = "Europe/Berlin",
                GroupBy = RevenueGrouping.Lot | RevenueGrouping.VehicleClass | RevenueGrouping.PaymentMethod,
            }));

        Assert.Equal(
            [
                new RevenueRow(Local(1, 0), null, null, PaymentMethod.Card, "EUR", 2.00m, 1),
                new RevenueRow(Local(1, 0), null, null, PaymentMethod.Cash, "EUR", 4.00m, 2),
                new RevenueRow(Local(1, 0), null, null, PaymentMethod.VietQr, "EUR", 2.00m, 1),
                new RevenueRow(Local(2, 0), null, null, PaymentMethod.Card, "EUR", 3.50m, 1),
            ],
            await history.GetRevenueAsync(new RevenueQuery(LocalJune1, LocalJune3) { TimeZoneId = "Europe/Berlin", GroupBy = RevenueGrouping.PaymentMethod }));

        // Per local hour of lot A.
        Assert.Equal(
            [
                new RevenueRow(Local(1, 8), null, null, null, "EUR", 2.00m, 1),
                new RevenueRow(Local(1, 9), null, null, null, "EUR", 0.50m, 1),
                new RevenueRow(Local(1, 11), null, null, null, "EUR", 3.50m, 1),
                new RevenueRow(Local(2, 0), null, null, null, "EUR", 3.50m, 1),
            ],
            await history.GetRevenueAsync(new RevenueQuery(LocalJune1, LocalJune3, HistoryBucket.Hour) { LotIds = [LotA] }));

        // Filters: cash only, by class, per hour.
        Assert.Equal(
            [
                new RevenueRow(Local(1, 9), null, VehicleClass.Motorcycle, null, "EUR", 0.50m, 1),
                new RevenueRow(Local(1, 11), null, VehicleClass.Car, null, "EUR", 3.50m, 1),
            ],
            await history.GetRevenueAsync(new RevenueQuery(LocalJune1, LocalJune3, HistoryBucket.Hour)
            {
                TimeZoneId = "Europe/Berlin",
                Method = PaymentMethod.Cash,
                GroupBy = RevenueGrouping.VehicleClass,
            }));
        Assert.Equal(
            [new RevenueRow(Local(1, 0), LotB, null, null, "EUR", 2.00m, 1)],
            await history.GetRevenueAsync(new RevenueQuery(LocalJune1, LocalJune3) { LotIds = [LotB], VehicleClass = VehicleClass.Car, GroupBy = RevenueGrouping.Lot }));
        Assert.Empty(await history.GetRevenueAsync(new RevenueQuery(LocalJune1, LocalJune3) { LotIds = [LotA, LotB], VehicleClass = VehicleClass.Bus }));
    }

    /// <summary>
    /// Refunds are netted in the amount; the overpaid part is that of the payments (R1 paid 3.50 where 2.00 was due,
    /// twice: 1.50 each), and a refund does not take it back (it does not record which part of a payment it returns).
    /// </summary>
    public static async Task AssertRefundsAsync(IParkingHistory history)
    {
        var from = LocalJune3;
        var to = LocalJune3.AddDays(3);
        Assert.Equal(
            [
                new RevenueRow(Local(3, 0), null, null, PaymentMethod.Card, "EUR", 0m, 1, Overpaid: 1.50m),
                new RevenueRow(Local(3, 0), null, null, PaymentMethod.Cash, "EUR", 3.50m, 1, Overpaid: 1.50m),
                new RevenueRow(Local(4, 0), null, null, PaymentMethod.VietQr, "EUR", 2.00m, 1),
                new RevenueRow(Local(5, 0), null, null, PaymentMethod.VietQr, "EUR", -2.00m, 0),
            ],
            await history.GetRevenueAsync(new RevenueQuery(from, to) { LotIds = [LotRefunds], GroupBy = RevenueGrouping.PaymentMethod }));
        Assert.Equal(
            [
                new RevenueRow(Local(3, 0), null, VehicleClass.Car, null, "EUR", 3.50m, 2, Overpaid: 3.00m),
                new RevenueRow(Local(4, 0), null, VehicleClass.Car, null, "EUR", 2.00m, 1),
                new RevenueRow(Local(5, 0), null, VehicleClass.Car, null, "EUR", -2.00m, 0),
            ],
            await history.GetRevenueAsync(new RevenueQuery(from, to) { LotIds = [LotRefunds], GroupBy = RevenueGrouping.VehicleClass }));

        // Per hour, the overpaid part stays with its own payment's hour: 10:00 local holds R1-pay and its refund, 11:00 R1-pay2.
        Assert.Equal(
            [
                new RevenueRow(Local(3, 10), null, null, null, "EUR", 0m, 1, Overpaid: 1.50m),
                new RevenueRow(Local(3, 11), null, null, null, "EUR", 3.50m, 1, Overpaid: 1.50m),
            ],
            await history.GetRevenueAsync(new RevenueQuery(from, from.AddDays(1), HistoryBucket.Hour) { LotIds = [LotRefunds] }));

        var log = await history.GetLotHistoryAsync(LotRefunds, pageSize: 1);
        Assert.Equal("RefundRecorded", log.Entries[0].Kind);
        Assert.Equal("2 EUR refunded by vietQr for session gone: goodwill", log.Entries[0].Summary);
    }

    public static async Task AssertOccupancyAsync(IParkingHistory history)
    {
        // Every hour 08:00-11:00 local of 1 June is present, also the one without movements. Peaks and time-weighted
        // averages by hand, in vehicle-minutes per 60: 08:00 has A1 10-55 and A2 20-60 (45 + 40 = 85); 09:00 has A2
        // until :10 and A3 from :30 (10 + 30); 10:00 has A3 throughout; 11:00 has A3 until :20.
        Assert.Equal(
            [
                new OccupancyRow(Local(1, 8), LotA, null, 2, 1, 0, 1) { PeakInside = 2, AverageInside = Avg(85, 60) },
                new OccupancyRow(Local(1, 9), LotA, null, 1, 1, 0, 1) { PeakInside = 1, AverageInside = Avg(40, 60) },
                new OccupancyRow(Local(1, 10), LotA, null, 0, 0, 0, 1) { PeakInside = 1, AverageInside = 1 },
                new OccupancyRow(Local(1, 11), LotA, null, 0, 1, 0, 0) { PeakInside = 1, AverageInside = Avg(20, 60) },
            ],
            await history.GetOccupancyAsync(new OccupancyQuery(D1.AddHours(6), D1.AddHours(10)) { LotIds = [LotA] }));

        // Per local day: lot A on 1 June 45 + 50 + 110 + 20 (A4 until midnight) minutes; on 2 June A4's last 50, A5's
        // 60, A6's 835 (08:05 UTC to midnight local) and A7's 5; two inside at once at most on either day.
        Assert.Equal(
            [
                new OccupancyRow(Local(1, 0), LotA, null, 4, 3, 0, 1) { PeakInside = 2, AverageInside = Avg(225, 1440) },
                new OccupancyRow(Local(2, 0), LotA, null, 3, 2, 1, 1) { PeakInside = 2, AverageInside = Avg(950, 1440) },
                new OccupancyRow(Local(1, 0), LotB, null, 1, 1, 0, 0) { PeakInside = 1, AverageInside = Avg(30, 1440) },
                new OccupancyRow(Local(2, 0), LotB, null, 0, 0, 0, 0) { PeakInside = 0, AverageInside = 0 },
            ],
            await history.GetOccupancyAsync(new OccupancyQuery(LocalJune1, LocalJune3, HistoryBucket.Day) { LotIds = [LotA, LotB] }));

        // Starting on 2 June: the car that entered at 23:40 the evening before is carried in by the seed.
        Assert.Equal(
            [
                new OccupancyRow(Local(2, 0), LotA, VehicleClass.Car, 2, 2, 0, 1) { PeakInside = 2, AverageInside = Avg(890, 1440) },
                new OccupancyRow(Local(2, 0), LotA, VehicleClass.Motorcycle, 1, 0, 1, 0) { PeakInside = 1, AverageInside = Avg(60, 1440) },
            ],
            await history.GetOccupancyAsync(new OccupancyQuery(LocalJune2, LocalJune3, HistoryBucket.Day) { LotIds = [LotA], ByVehicleClass = true }));

        // The repeated hour at the end of summer time is one local bucket (02:00 holds 02:30 CEST and 02:30 CET), two
        // hours long: 1 car for 30 min, 2 for 60, 3 for 30 is 240 vehicle-minutes over 120.
        Assert.Equal(
            [
                new OccupancyRow(new DateTime(2026, 10, 25, 0, 0, 0), LotDst, null, 0, 0, 0, 0) { PeakInside = 0, AverageInside = 0 },
                new OccupancyRow(new DateTime(2026, 10, 25, 1, 0, 0), LotDst, null, 1, 0, 0, 1) { PeakInside = 1, AverageInside = 0.5 },
                new OccupancyRow(new DateTime(2026, 10, 25, 2, 0, 0), LotDst, null, 2, 0, 0, 3) { PeakInside = 3, AverageInside = 2 },
                new OccupancyRow(new DateTime(2026, 10, 25, 3, 0, 0), LotDst, null, 1, 0, 0, 4) { PeakInside = 4, AverageInside = 3.5 },
            ],
            await history.GetOccupancyAsync(new OccupancyQuery(new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 25, 3, 0, 0, TimeSpan.Zero))
            {
                LotIds = [LotDst],
            }));
    }

    /// <summary>
    /// Read at 12:30 local on 2 June: the 12:00 bucket is averaged over its first 30 minutes (A6 throughout, A7 for 5),
    /// and 13:00 has not begun, so it has no peak or average.
    /// </summary>
    public static async Task AssertOccupancyUpToNowAsync(Func<TimeProvider, IParkingHistory> historyAt)
    {
        var history = historyAt(new FixedTime(D2.AddHours(10).AddMinutes(30)));
        Assert.Equal(
            [
                new OccupancyRow(Local(2, 10), LotA, null, 2, 0, 0, 2) { PeakInside = 2, AverageInside = Avg(115, 60) },
                new OccupancyRow(Local(2, 11), LotA, null, 0, 0, 1, 1) { PeakInside = 2, AverageInside = 1 },
                new OccupancyRow(Local(2, 12), LotA, null, 1, 1, 0, 1) { PeakInside = 2, AverageInside = Avg(35, 30) },
                new OccupancyRow(Local(2, 13), LotA, null, 0, 0, 0, 1),
            ],
            await history.GetOccupancyAsync(new OccupancyQuery(D2.AddHours(8), D2.AddHours(12)) { LotIds = [LotA] }));
    }

    public static async Task AssertStaysAsync(IParkingHistory history)
    {
        Assert.Equal(
            [
                new StayRow(Local(1, 0), LotA, null, 3, 0, new TimeSpan(0, 68, 20), TimeSpan.FromMinutes(50)),
                new StayRow(Local(1, 0), LotB, null, 1, 0, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30)),
                new StayRow(Local(2, 0), LotA, null, 3, 1, TimeSpan.FromMinutes(45), TimeSpan.FromMinutes(60)),
            ],
            await history.GetStaysAsync(new StayQuery(LocalJune1, LocalJune3) { TimeZoneId = "Europe/Berlin" }));

        // Even counts take the mean of the middle two: cars of lot A on 1 June stayed 45 and 110 minutes.
        Assert.Equal(
            [
                new StayRow(Local(1, 0), LotA, VehicleClass.Car, 2, 0, new TimeSpan(0, 77, 30), new TimeSpan(0, 77, 30)),
                new StayRow(Local(1, 0), LotA, VehicleClass.Motorcycle, 1, 0, TimeSpan.FromMinutes(50), TimeSpan.FromMinutes(50)),
            ],
            await history.GetStaysAsync(new StayQuery(LocalJune1, LocalJune2) { LotIds = [LotA], ByVehicleClass = true }));
    }

    public static async Task AssertLotHistoryAsync(IParkingHistory history)
    {
        var first = await history.GetLotHistoryAsync(LotB, pageSize: 3);
        Assert.Equal(["VehicleExited", "PaymentRecorded", "VehicleEntered"], first.Entries.Select(e => e.Kind));
        Assert.Equal([4L, 3L, 2L], first.Entries.Select(e => e.Version));
        Assert.Equal(D1.AddHours(6).AddMinutes(45), first.Entries[0].OccurredAt);
        Assert.Contains("fee 2 EUR", first.Entries[0].Summary, StringComparison.Ordinal);
        Assert.Equal($"2 EUR by vietQr for session {first.Entries[2].Summary.Split("session ")[1]}", first.Entries[1].Summary);
        Assert.StartsWith("P-B1 (car) entered at hist-b-in, slot c1", first.Entries[2].Summary, StringComparison.Ordinal);
        Assert.Equal(2L, first.NextBeforeVersion);

        var second = await history.GetLotHistoryAsync(LotB, first.NextBeforeVersion, pageSize: 3);
        Assert.Equal(["LotConfigured"], second.Entries.Select(e => e.Kind));
        Assert.Contains("Europe/Berlin", second.Entries[0].Summary, StringComparison.Ordinal);
        Assert.Null(second.NextBeforeVersion);

        var forced = (await history.GetLotHistoryAsync(LotA, pageSize: 100)).Entries.Single(e => e.Kind == "SessionForceClosed");
        Assert.EndsWith("force-closed by op-1: fire drill", forced.Summary, StringComparison.Ordinal);
    }

    public static async Task AssertZoneResolutionAsync(IParkingHistory history)
    {
        // All lots have no single zone to go by, and the query says so; naming the zone or the lots works.
        var error = await Assert.ThrowsAsync<ArgumentException>(() => history.GetRevenueAsync(new RevenueQuery(LocalJune1, LocalJune3)));
        Assert.Contains("different time zones", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await history.GetRevenueAsync(new RevenueQuery(LocalJune1, LocalJune3) { TimeZoneId = "Europe/Berlin" })).Count);
        Assert.Equal(2, (await history.GetRevenueAsync(new RevenueQuery(LocalJune1, LocalJune3) { LotIds = [LotA, LotB] })).Count);
        await Assert.ThrowsAsync<ArgumentException>(() => history.GetOccupancyAsync(new OccupancyQuery(LocalJune2, LocalJune2)));
    }

    private static async Task<string> EnterAsync(ILotGrain lot, string lotId, string vehicle, VehicleClass vehicleClass, DateTimeOffset at)
    {
        var entry = await lot.Enter(new EntryCommand($"{vehicle}-in", $"{lotId}-in", $"P-{vehicle}", null, vehicleClass, at));
        Assert.True(entry.Allowed, entry.ReasonText);
        return entry.SessionId!;
    }

    private static async Task StayAsync(
        ILotGrain lot, string lotId, string vehicle, VehicleClass vehicleClass, DateTimeOffset entry, (decimal Amount, PaymentMethod Method, DateTimeOffset At)? payment, DateTimeOffset exit)
    {
        var session = await EnterAsync(lot, lotId, vehicle, vehicleClass, entry);
        if (payment is { } pay)
        {
            var paid = await lot.Pay(new PaymentCommand($"{vehicle}-pay", session, new Money(pay.Amount, "EUR"), pay.Method, pay.At));
            Assert.True(paid.Accepted, paid.ReasonText);
        }

        var exited = await lot.Exit(new ExitCommand($"{vehicle}-out", $"{lotId}-out", $"P-{vehicle}", null, null, exit));
        Assert.True(exited.Open, exited.ReasonText);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
