using ParkingGrains.Domain.Fees;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Tariffs;
using static ParkingGrains.Domain.Tests.Fees.TestTariffs;

namespace ParkingGrains.Domain.Tests.Fees;

/// <summary>Grace, periods, rounding, each vehicle class, midnight, multi-day stays and the daily cap (Saigon, UTC+7, no DST).</summary>
public sealed class FeeCalculatorPeriodTests
{
    private const FeeRules P = FeeRules.Periods;
    private const FeeRules PC = FeeRules.Periods | FeeRules.DailyCap;

    [Theory]
    // Zero-length stay: nothing to charge.
    [InlineData(VehicleClass.Car, "2026-05-10 08:00:00 +07:00", "2026-05-10 08:00:00 +07:00", "0", FeeRules.None)]
    // Car: exactly at grace end (15 min) is free; one second after pays the first hour.
    [InlineData(VehicleClass.Car, "2026-05-10 08:00:00 +07:00", "2026-05-10 08:14:59 +07:00", "0", FeeRules.GracePeriod)]
    [InlineData(VehicleClass.Car, "2026-05-10 08:00:00 +07:00", "2026-05-10 08:15:00 +07:00", "0", FeeRules.GracePeriod)]
    [InlineData(VehicleClass.Car, "2026-05-10 08:00:00 +07:00", "2026-05-10 08:15:01 +07:00", "20000", P)]
    // Car: exactly at the end of the first hour = 20,000; one second after starts hour 2: 20,000 + 10,000.
    [InlineData(VehicleClass.Car, "2026-05-10 08:00:00 +07:00", "2026-05-10 09:00:00 +07:00", "20000", P)]
    [InlineData(VehicleClass.Car, "2026-05-10 08:00:00 +07:00", "2026-05-10 09:00:01 +07:00", "30000", P)]
    // Car: end of hour 2 = 20,000 + 10,000; one second after = 20,000 + 2 × 10,000.
    [InlineData(VehicleClass.Car, "2026-05-10 08:00:00 +07:00", "2026-05-10 10:00:00 +07:00", "30000", P)]
    [InlineData(VehicleClass.Car, "2026-05-10 08:00:00 +07:00", "2026-05-10 10:00:01 +07:00", "40000", P)]
    // Car 9 h: 20,000 + 8 × 10,000 = 100,000, exactly the cap (not lowered by it).
    [InlineData(VehicleClass.Car, "2026-05-10 08:00:00 +07:00", "2026-05-10 17:00:00 +07:00", "100000", P)]
    // Car 9 h + 1 s: 20,000 + 9 × 10,000 = 110,000 → capped at 100,000.
    [InlineData(VehicleClass.Car, "2026-05-10 08:00:00 +07:00", "2026-05-10 17:00:01 +07:00", "100000", PC)]
    // Across midnight: day 10 periods at 22:00 (20,000) and 23:00 (10,000); day 11 at 00:00 and 01:00 (2 × 10,000) = 50,000.
    [InlineData(VehicleClass.Car, "2026-05-10 22:00:00 +07:00", "2026-05-11 02:00:00 +07:00", "50000", P)]
    // Entered 23:50, left 00:20: first hour starts on day 10 → 20,000 only.
    [InlineData(VehicleClass.Car, "2026-05-10 23:50:00 +07:00", "2026-05-11 00:20:00 +07:00", "20000", P)]
    // 24 h from 08:00: day 10 = 20,000 + 15 × 10,000 (09..23) = 170,000 → 100,000; day 11 = 8 × 10,000 (00..07) = 80,000. Total 180,000.
    [InlineData(VehicleClass.Car, "2026-05-10 08:00:00 +07:00", "2026-05-11 08:00:00 +07:00", "180000", PC)]
    // 3-day stay, every day capped: 74 later periods = 15 (day 10) + 24 + 24 + 11 (day 13, 00..10) → 4 days × 100,000.
    [InlineData(VehicleClass.Car, "2026-05-10 08:00:00 +07:00", "2026-05-13 10:30:00 +07:00", "400000", PC)]
    // 3-day stay, last day under the cap: 100,000 + 100,000 + 3 × 10,000 (00, 01, 02 on day 12) = 230,000.
    [InlineData(VehicleClass.Car, "2026-05-10 08:00:00 +07:00", "2026-05-12 03:00:00 +07:00", "230000", PC)]
    // Motorcycle: grace 10 min exactly free, +1 s = first 4 h 5,000; end of first period 5,000; +1 s = 5,000 + 2,000.
    [InlineData(VehicleClass.Motorcycle, "2026-05-10 08:00:00 +07:00", "2026-05-10 08:10:00 +07:00", "0", FeeRules.GracePeriod)]
    [InlineData(VehicleClass.Motorcycle, "2026-05-10 08:00:00 +07:00", "2026-05-10 08:10:01 +07:00", "5000", P)]
    [InlineData(VehicleClass.Motorcycle, "2026-05-10 08:00:00 +07:00", "2026-05-10 12:00:00 +07:00", "5000", P)]
    [InlineData(VehicleClass.Motorcycle, "2026-05-10 08:00:00 +07:00", "2026-05-10 12:00:01 +07:00", "7000", P)]
    // Motorcycle: 2 h period ends at 14:00 → 7,000; 14:00:01 starts the next → 9,000.
    [InlineData(VehicleClass.Motorcycle, "2026-05-10 08:00:00 +07:00", "2026-05-10 14:00:00 +07:00", "7000", P)]
    [InlineData(VehicleClass.Motorcycle, "2026-05-10 08:00:00 +07:00", "2026-05-10 14:00:01 +07:00", "9000", P)]
    // Motorcycle 24 h: day 10 = 5,000 + 6 × 2,000 (12, 14, .., 22) = 17,000 (under 20,000); day 11 = 4 × 2,000 (00, 02, 04, 06) = 8,000. Total 25,000.
    [InlineData(VehicleClass.Motorcycle, "2026-05-10 08:00:00 +07:00", "2026-05-11 08:00:00 +07:00", "25000", P)]
    // Motorcycle 3 days: day 10 = 17,000; days 11, 12 = 12 × 2,000 = 24,000 → 20,000 each; day 13 = 4 × 2,000 = 8,000. Total 65,000.
    [InlineData(VehicleClass.Motorcycle, "2026-05-10 08:00:00 +07:00", "2026-05-13 08:00:00 +07:00", "65000", PC)]
    // Van: 3 h = 30,000 + 4 × 10,000 (half hours 09:00..10:30) = 70,000.
    [InlineData(VehicleClass.Van, "2026-05-10 08:00:00 +07:00", "2026-05-10 11:00:00 +07:00", "70000", P)]
    // Van: 1 h 30 min exactly = 30,000 + 10,000; one second more starts another half hour.
    [InlineData(VehicleClass.Van, "2026-05-10 08:00:00 +07:00", "2026-05-10 09:30:00 +07:00", "40000", P)]
    [InlineData(VehicleClass.Van, "2026-05-10 08:00:00 +07:00", "2026-05-10 09:30:01 +07:00", "50000", P)]
    // Van, rolling 24 h cap, 26 h from 20:00: 50 later half hours; first 24 h = 30,000 + 46 × 10,000 = 490,000 → 200,000;
    // next 24 h = 4 × 10,000 (20:00, 20:30, 21:00, 21:30) = 40,000. Total 240,000 (midnight plays no part).
    [InlineData(VehicleClass.Van, "2026-05-10 20:00:00 +07:00", "2026-05-11 22:00:00 +07:00", "240000", PC)]
    // Bus: no grace, one second pays the first 2 h (100,000); 2 h exactly 100,000; +1 s = 150,000.
    [InlineData(VehicleClass.Bus, "2026-05-10 08:00:00 +07:00", "2026-05-10 08:00:01 +07:00", "100000", P)]
    [InlineData(VehicleClass.Bus, "2026-05-10 08:00:00 +07:00", "2026-05-10 10:00:00 +07:00", "100000", P)]
    [InlineData(VehicleClass.Bus, "2026-05-10 08:00:00 +07:00", "2026-05-10 10:00:01 +07:00", "150000", P)]
    // Bus, no cap, 72 h: 100,000 + 70 × 50,000 = 3,600,000.
    [InlineData(VehicleClass.Bus, "2026-05-10 08:00:00 +07:00", "2026-05-13 08:00:00 +07:00", "3600000", P)]
    public void Periods_grace_and_caps(VehicleClass vehicleClass, string entry, string exit, string expected, FeeRules rules)
    {
        var quote = FeeCalculator.Calculate(Vnd, vehicleClass, At(entry), At(exit), Saigon);

        Assert.Equal(new Money(Amount(expected), "VND"), quote.Total);
        Assert.Equal(rules, quote.Rules);
        Assert.Equal(quote.Total, quote.TimeFee);
        Assert.Equal(0m, quote.LostTicketFee.Amount);
    }

    [Theory]
    // Up with 5 min tolerance: 2 h 5 min → remainder 5 min after hour 2 is tolerated: 20,000 + 10,000.
    [InlineData(PeriodRounding.Up, 5, "2026-05-10 10:05:00 +07:00", "30000")]
    // One second past the tolerance → the third hour is charged: 20,000 + 2 × 10,000.
    [InlineData(PeriodRounding.Up, 5, "2026-05-10 10:05:01 +07:00", "40000")]
    // Tolerance never waives the first period: 20 min (past grace) = 20,000.
    [InlineData(PeriodRounding.Up, 5, "2026-05-10 08:20:00 +07:00", "20000")]
    // Down: only completed later hours; 2 h 59 min 59 s → 1 completed later hour: 20,000 + 10,000.
    [InlineData(PeriodRounding.Down, 0, "2026-05-10 10:59:59 +07:00", "30000")]
    [InlineData(PeriodRounding.Down, 0, "2026-05-10 11:00:00 +07:00", "40000")]
    // Down still charges the first period once past grace: 30 min = 20,000.
    [InlineData(PeriodRounding.Down, 0, "2026-05-10 08:30:00 +07:00", "20000")]
    // Nearest: remainder 29:59 of a later hour is dropped (20,000 + 10,000); 30:00 rounds up (20,000 + 2 × 10,000).
    [InlineData(PeriodRounding.Nearest, 0, "2026-05-10 10:29:59 +07:00", "30000")]
    [InlineData(PeriodRounding.Nearest, 0, "2026-05-10 10:30:00 +07:00", "40000")]
    public void Rounding_modes(PeriodRounding rounding, int toleranceMinutes, string exit, string expected)
    {
        var rate = Car with { Rounding = rounding, RoundingTolerance = TimeSpan.FromMinutes(toleranceMinutes) };

        var quote = FeeCalculator.Calculate(Only(rate), VehicleClass.Car, At("2026-05-10 08:00:00 +07:00"), At(exit), Saigon);

        Assert.Equal(Amount(expected), quote.Total.Amount);
    }

    [Fact]
    public void Multi_day_breakdown_shows_each_day_and_its_cap()
    {
        // 05-10 08:00 → 05-12 03:00: day 10 = 20,000 + 15 × 10,000 = 170,000 → 100,000; day 11 = 24 × 10,000 → 100,000; day 12 = 3 × 10,000.
        var quote = FeeCalculator.Calculate(Vnd, VehicleClass.Car, At("2026-05-10 08:00:00 +07:00"), At("2026-05-12 03:00:00 +07:00"), Saigon);

        Assert.Collection(
            quote.Days,
            d =>
            {
                Assert.Equal(new DateOnly(2026, 5, 10), d.LocalDate);
                Assert.Equal(At("2026-05-10 08:00:00 +07:00"), d.From);
                Assert.Equal(At("2026-05-11 00:00:00 +07:00"), d.To);
                Assert.Equal((170_000m, 100_000m, true), (d.Subtotal, d.Charged, d.Capped));
                Assert.Collection(
                    d.Lines,
                    l => Assert.Equal(new FeeLine(FeeLineKind.FirstPeriod, At("2026-05-10 08:00:00 +07:00"), At("2026-05-10 09:00:00 +07:00"), 1, 20_000m), l),
                    l => Assert.Equal(new FeeLine(FeeLineKind.LaterPeriods, At("2026-05-10 09:00:00 +07:00"), At("2026-05-11 00:00:00 +07:00"), 15, 150_000m), l));
            },
            d => Assert.Equal((new DateOnly(2026, 5, 11), 240_000m, 100_000m, true), (d.LocalDate, d.Subtotal, d.Charged, d.Capped)),
            d =>
            {
                Assert.Equal((new DateOnly(2026, 5, 12), 30_000m, 30_000m, false), (d.LocalDate, d.Subtotal, d.Charged, d.Capped));
                Assert.Equal(At("2026-05-12 03:00:00 +07:00"), d.To);
                Assert.Equal(new FeeLine(FeeLineKind.LaterPeriods, At("2026-05-12 00:00:00 +07:00"), At("2026-05-12 03:00:00 +07:00"), 3, 30_000m), Assert.Single(d.Lines));
            });
    }

    [Fact]
    public void Rolling_days_start_at_the_entry_not_at_midnight()
    {
        // Van 26 h from 20:00: rolling day 1 = 20:00 → 20:00 (490,000 → 200,000), day 2 = 20:00 → 22:00 (40,000).
        var quote = FeeCalculator.Calculate(Vnd, VehicleClass.Van, At("2026-05-10 20:00:00 +07:00"), At("2026-05-11 22:00:00 +07:00"), Saigon);

        Assert.Collection(
            quote.Days,
            d => Assert.Equal((At("2026-05-10 20:00:00 +07:00"), At("2026-05-11 20:00:00 +07:00"), (DateOnly?)null, 490_000m, 200_000m), (d.From, d.To, d.LocalDate, d.Subtotal, d.Charged)),
            d => Assert.Equal((At("2026-05-11 20:00:00 +07:00"), At("2026-05-11 22:00:00 +07:00"), (DateOnly?)null, 40_000m, 40_000m), (d.From, d.To, d.LocalDate, d.Subtotal, d.Charged)));
    }

    [Fact]
    public void The_offset_the_times_are_given_in_does_not_matter()
    {
        // 22:00 → 02:00 Saigon written in UTC: still 50,000 by Saigon's midnight (see the table).
        var quote = FeeCalculator.Calculate(Vnd, VehicleClass.Car, At("2026-05-10 15:00:00 +00:00"), At("2026-05-10 19:00:00 +00:00"), Saigon);

        Assert.Equal(50_000m, quote.Total.Amount);
        Assert.Equal(2, quote.Days.Count);
    }

    [Fact]
    public void A_long_stay_with_short_periods_is_computed_without_walking_every_period()
    {
        // Bus, one year (365 d = 8,760 h) with 1-second later periods: 100,000 + (8,760 h − 2 h) × 3,600 s × 0.01.
        var rate = Bus with { LaterPeriod = TimeSpan.FromSeconds(1), LaterPeriodPrice = 0.01m };
        var quote = FeeCalculator.Calculate(Only(rate), VehicleClass.Bus, At("2026-01-01 00:00:00 +07:00"), At("2027-01-01 00:00:00 +07:00"), Saigon);

        // 8,758 h × 3,600 = 31,528,800 periods × 0.01 = 315,288.
        Assert.Equal(100_000m + 315_288m, quote.Total.Amount);
        Assert.Equal(365, quote.Days.Count);
    }
}
