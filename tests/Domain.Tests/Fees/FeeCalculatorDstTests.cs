using ParkingGrains.Domain.Fees;
using ParkingGrains.Grains.Interfaces.Tariffs;
using static ParkingGrains.Domain.Tests.Fees.TestTariffs;

namespace ParkingGrains.Domain.Tests.Fees;

/// <summary>
/// Europe/Berlin: clocks go 02:00 → 03:00 on 2026-03-29 (a 23 h day) and 03:00 → 02:00 on 2026-10-25 (a 25 h day).
/// Car: first hour 3.00, then 2.00 per started hour of elapsed time.
/// </summary>
public sealed class FeeCalculatorDstTests
{
    private static readonly OvernightWindow Night = new(new TimeOnly(22, 0), new TimeOnly(6, 0), 5.00m);

    [Theory]
    // Whole local day 03-29 (00:00+01 → 00:00+02 next day) is 23 h: 3.00 + 22 × 2.00 = 47.00.
    [InlineData("2026-03-29 00:00:00 +01:00", "2026-03-30 00:00:00 +02:00", null, "47.00")]
    // A normal local day (03-30) is 24 h: 3.00 + 23 × 2.00 = 49.00.
    [InlineData("2026-03-30 00:00:00 +02:00", "2026-03-31 00:00:00 +02:00", null, "49.00")]
    // Whole local day 10-25 (00:00+02 → 00:00+01 next day) is 25 h: 3.00 + 24 × 2.00 = 51.00.
    [InlineData("2026-10-25 00:00:00 +02:00", "2026-10-26 00:00:00 +01:00", null, "51.00")]
    // 01:30+01 → 03:30+02 spans one real hour (the skipped hour does not exist): first hour only, 3.00.
    [InlineData("2026-03-29 01:30:00 +01:00", "2026-03-29 03:30:00 +02:00", null, "3.00")]
    // 01:30+02 → 02:30+01 (second 02:30) is 2 real hours on the wall clock's 1: 3.00 + 2.00.
    [InlineData("2026-10-25 01:30:00 +02:00", "2026-10-25 02:30:00 +01:00", null, "5.00")]
    // Calendar cap 45.00, 03-29 00:00+01 → 03-30 01:00+02 (24 h real): day 29 (23 h) = 3.00 + 22 × 2.00 = 47.00 → 45.00;
    // the hour starting at 00:00+02 belongs to day 30: 2.00. Total 47.00.
    [InlineData("2026-03-29 00:00:00 +01:00", "2026-03-30 01:00:00 +02:00", "45.00", "47.00")]
    // Calendar cap 50.00, 10-25 00:00+02 → 10-26 01:00+01 (26 h real): day 25 (25 h) = 3.00 + 24 × 2.00 = 51.00 → 50.00;
    // the hour starting at 00:00+01 on 10-26 = 2.00. Total 52.00 (a naive 24 h day would put it on day 25: 50.00).
    [InlineData("2026-10-25 00:00:00 +02:00", "2026-10-26 01:00:00 +01:00", "50.00", "52.00")]
    // Cap 20.00, 03-28 12:00+01 → 03-30 12:00+02 (47 h): day 28 = 3.00 + 11 × 2.00 = 25.00 → 20.00; day 29 = 23 × 2.00 → 20.00;
    // day 30 = 12 × 2.00 (00..11) = 24.00 → 20.00. Total 60.00 (46 later hours = 11 + 23 + 12).
    [InlineData("2026-03-28 12:00:00 +01:00", "2026-03-30 12:00:00 +02:00", "20.00", "60.00")]
    public void Periods_are_elapsed_time_and_cap_days_are_local_days(string entry, string exit, string? cap, string expected)
    {
        var rate = BerlinCar with { DailyCap = cap is null ? null : Amount(cap) };

        var quote = FeeCalculator.Calculate(Only(rate, "EUR"), rate.VehicleClass, At(entry), At(exit), Berlin);

        Assert.Equal(Amount(expected), quote.Total.Amount);
        Assert.Equal("EUR", quote.Total.Currency);
    }

    [Fact]
    public void The_23_hour_day_is_one_cap_day_from_local_midnight_to_local_midnight()
    {
        var rate = BerlinCar with { DailyCap = 45.00m };

        var quote = FeeCalculator.Calculate(Only(rate, "EUR"), rate.VehicleClass, At("2026-03-29 00:00:00 +01:00"), At("2026-03-30 01:00:00 +02:00"), Berlin);

        Assert.Collection(
            quote.Days,
            d => Assert.Equal((new DateOnly(2026, 3, 29), At("2026-03-29 00:00:00 +01:00"), At("2026-03-30 00:00:00 +02:00"), 47.00m, 45.00m), (d.LocalDate!.Value, d.From, d.To, d.Subtotal, d.Charged)),
            d => Assert.Equal((new DateOnly(2026, 3, 30), At("2026-03-30 00:00:00 +02:00"), At("2026-03-30 01:00:00 +02:00"), 2.00m, 2.00m), (d.LocalDate!.Value, d.From, d.To, d.Subtotal, d.Charged)));
        Assert.Equal(TimeSpan.FromHours(23), quote.Days[0].To - quote.Days[0].From);
    }

    [Theory]
    // Spring-forward night 03-28 21:00+01 → 03-29 07:00+02 (9 h real); window 22:00+01 → 06:00+02 is 7 h real:
    // 21:00 first hour 3.00; 7 hours starting in the window → flat 5.00; hour at 06:00+02 → 2.00. Total 10.00.
    [InlineData("2026-03-28 21:00:00 +01:00", "2026-03-29 07:00:00 +02:00", null, "10.00")]
    // Fall-back night 10-24 21:00+02 → 10-25 07:00+01 (11 h real); window 22:00+02 → 06:00+01 is 9 h real:
    // 3.00 + flat 5.00 (9 hours replaced) + 06:00+01 hour 2.00 = 10.00 — the same price for a longer night.
    [InlineData("2026-10-24 21:00:00 +02:00", "2026-10-25 07:00:00 +01:00", null, "10.00")]
    // Fall-back, window with cap 6.00: day 24 = 3.00 + flat 5.00 = 8.00 → 6.00; day 25 = 06:00+01 hour 2.00. Total 8.00.
    [InlineData("2026-10-24 21:00:00 +02:00", "2026-10-25 07:00:00 +01:00", "6.00", "8.00")]
    // Spring-forward, entered at 23:00+01 (inside the window), left 05:00+02 (5 h real): 3.00 + 4 × 2.00 = 11.00 > 5.00 → 5.00.
    [InlineData("2026-03-28 23:00:00 +01:00", "2026-03-29 05:00:00 +02:00", null, "5.00")]
    // Two nights across spring-forward, calendar cap 20.00, 03-28 08:00+01 → 03-30 08:00+02 (47 h, 46 later hours):
    // day 28 = 3.00 + 13 × 2.00 (09..21) + flat 5.00 = 34.00 → 20.00;
    // day 29 (23 h) = 16 × 2.00 (06..21) + flat 5.00 = 37.00 → 20.00; day 30 = 06:00, 07:00 → 4.00. Total 44.00.
    // (Hours in windows: 7 on the short night + 8 = 15; 13 + 16 + 2 + 15 = 46.)
    [InlineData("2026-03-28 08:00:00 +01:00", "2026-03-30 08:00:00 +02:00", "20.00", "44.00")]
    public void Overnight_window_follows_the_wall_clock_across_dst(string entry, string exit, string? cap, string expected)
    {
        var rate = BerlinCar with { Overnight = Night, DailyCap = cap is null ? null : Amount(cap) };

        var quote = FeeCalculator.Calculate(Only(rate, "EUR"), rate.VehicleClass, At(entry), At(exit), Berlin);

        Assert.Equal(Amount(expected), quote.Total.Amount);
        Assert.True(quote.Rules.HasFlag(FeeRules.OvernightFlat));
    }

    [Fact]
    public void A_window_start_skipped_by_spring_forward_opens_when_the_clock_resumes()
    {
        // Window 02:30–05:00 at 5.00; on 03-29 02:30 does not exist, so it opens at 03:00+02 (01:00Z) and closes at 05:00+02 (03:00Z).
        // Stay 01:00+01 (00:00Z) → 06:00+02 (04:00Z) covers it: 00:00Z first hour 3.00; 01:00Z, 02:00Z → flat 5.00; 03:00Z → 2.00. Total 10.00.
        var rate = BerlinCar with { Overnight = new OvernightWindow(new TimeOnly(2, 30), new TimeOnly(5, 0), 5.00m) };

        var quote = FeeCalculator.Calculate(Only(rate, "EUR"), rate.VehicleClass, At("2026-03-29 01:00:00 +01:00"), At("2026-03-29 06:00:00 +02:00"), Berlin);

        Assert.Equal(10.00m, quote.Total.Amount);
        var night = Assert.Single(quote.Days.SelectMany(d => d.Lines), l => l.Kind == FeeLineKind.OvernightFlat);
        Assert.Equal((At("2026-03-29 03:00:00 +02:00"), At("2026-03-29 05:00:00 +02:00"), 2), (night.From, night.To, night.Periods));
    }

    [Fact]
    public void A_window_start_repeated_by_fall_back_opens_at_its_first_occurrence()
    {
        // Window 02:30–04:00 at 8.00; on 10-25 02:30 happens twice; it opens at the first (02:30+02 = 00:30Z), closes 04:00+01 (03:00Z).
        // Stay 02:40+02 (00:40Z) → 04:00+01 (03:00Z) starts after the window opened → partial:
        // periods 00:40Z (3.00), 01:40Z, 02:40Z (2 × 2.00) = 7.00, below the flat 8.00 → 7.00. (Opening at the second 02:30 would cover it: 8.00.)
        var rate = BerlinCar with { Overnight = new OvernightWindow(new TimeOnly(2, 30), new TimeOnly(4, 0), 8.00m) };

        var quote = FeeCalculator.Calculate(Only(rate, "EUR"), rate.VehicleClass, At("2026-10-25 02:40:00 +02:00"), At("2026-10-25 04:00:00 +01:00"), Berlin);

        Assert.Equal(7.00m, quote.Total.Amount);
        Assert.Equal(FeeRules.Periods, quote.Rules);
    }

    [Fact]
    public void A_window_entirely_inside_the_skipped_hour_never_applies()
    {
        // Window 02:10–02:50 on 03-29 has no length (both ends resolve to 03:00+02). Stay 01:00+01 → 04:00+02 (2 h real) = 3.00 + 2.00.
        var rate = BerlinCar with { Overnight = new OvernightWindow(new TimeOnly(2, 10), new TimeOnly(2, 50), 1.00m) };

        var quote = FeeCalculator.Calculate(Only(rate, "EUR"), rate.VehicleClass, At("2026-03-29 01:00:00 +01:00"), At("2026-03-29 04:00:00 +02:00"), Berlin);

        Assert.Equal(5.00m, quote.Total.Amount);
        Assert.Equal(FeeRules.Periods, quote.Rules);
    }
}
