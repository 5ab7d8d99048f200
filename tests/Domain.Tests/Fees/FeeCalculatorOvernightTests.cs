using ParkingGrains.Domain.Fees;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Tariffs;
using static ParkingGrains.Domain.Tests.Fees.TestTariffs;

namespace ParkingGrains.Domain.Tests.Fees;

/// <summary>Overnight flat window 22:00–06:00 at 30,000 on the Saigon car rate (first hour 20,000, then 10,000/h, cap 100,000 per local day).</summary>
public sealed class FeeCalculatorOvernightTests
{
    private const FeeRules P = FeeRules.Periods;
    private const FeeRules N = FeeRules.OvernightFlat;
    private const FeeRules PN = FeeRules.Periods | FeeRules.OvernightFlat;
    private const FeeRules PNC = FeeRules.Periods | FeeRules.OvernightFlat | FeeRules.DailyCap;

    [Theory]
    // Daytime only: 20,000 + 3 × 10,000 = 50,000; the window is not touched.
    [InlineData("2026-05-10 08:00:00 +07:00", "2026-05-10 12:00:00 +07:00", "50000", P)]
    // Covers the window: 21:00 first hour 20,000; 22:00..05:00 (8 periods) → flat 30,000; 06:00 → 10,000. Total 60,000.
    [InlineData("2026-05-10 21:00:00 +07:00", "2026-05-11 07:00:00 +07:00", "60000", PN)]
    // Exactly the window: first hour + 7 later hours all start inside → flat 30,000 only.
    [InlineData("2026-05-10 22:00:00 +07:00", "2026-05-11 06:00:00 +07:00", "30000", N)]
    // One second short of covering it (exit 05:59:59): partial, periods 20,000 + 7 × 10,000 = 90,000 > 30,000 → at most the flat.
    [InlineData("2026-05-10 22:00:00 +07:00", "2026-05-11 05:59:59 +07:00", "30000", N)]
    // Entered 5 minutes into the window: periods 22:05 (20,000) + 23:05..05:05 (7 × 10,000) = 90,000 → at most 30,000.
    [InlineData("2026-05-10 22:05:00 +07:00", "2026-05-11 06:05:00 +07:00", "30000", N)]
    // Short partial night: 23:00 (20,000) + 00:00 (10,000) = 30,000, not above the flat → ordinary periods.
    [InlineData("2026-05-10 23:00:00 +07:00", "2026-05-11 00:30:00 +07:00", "30000", P)]
    // Short partial night below the flat: 23:00 first hour only = 20,000.
    [InlineData("2026-05-10 23:00:00 +07:00", "2026-05-10 23:50:00 +07:00", "20000", P)]
    // Entered inside the window at 05:00: 05:00 (20,000) under the flat; 06:00, 07:00 → 2 × 10,000. Total 40,000.
    [InlineData("2026-05-11 05:00:00 +07:00", "2026-05-11 07:30:00 +07:00", "40000", P)]
    // Entered at 21:00, left exactly when the window opens: 20,000 only.
    [InlineData("2026-05-10 21:00:00 +07:00", "2026-05-10 22:00:00 +07:00", "20000", P)]
    // Window with the cap, 24 h from 08:00: day 10 = 20,000 + 13 × 10,000 (09..21) + flat 30,000 = 180,000 → 100,000;
    // day 11 = 06:00, 07:00 → 20,000 (its 00..06 hours are in the night charged to day 10). Total 120,000.
    [InlineData("2026-05-10 08:00:00 +07:00", "2026-05-11 08:00:00 +07:00", "120000", PNC)]
    // Three nights from 20:00 to 08:00 three days later: day 10 = 20,000 + 10,000 (21:00) + 30,000 = 60,000;
    // days 11 and 12 = 16 × 10,000 (06..21) + 30,000 = 190,000 → 100,000 each; day 13 = 06:00, 07:00 → 20,000. Total 280,000.
    [InlineData("2026-05-10 20:00:00 +07:00", "2026-05-13 08:00:00 +07:00", "280000", PNC)]
    public void Overnight_window(string entry, string exit, string expected, FeeRules rules)
    {
        var quote = FeeCalculator.Calculate(VndOvernight, VehicleClass.Car, At(entry), At(exit), Saigon);

        Assert.Equal(new Money(Amount(expected), "VND"), quote.Total);
        Assert.Equal(rules, quote.Rules);
    }

    [Fact]
    public void Overnight_flat_line_names_the_window_and_the_periods_it_replaces()
    {
        // 21:00 → 07:00: day 10 = first hour 20,000 + night 30,000 (8 hours replaced); day 11 = 06:00 hour 10,000.
        var quote = FeeCalculator.Calculate(VndOvernight, VehicleClass.Car, At("2026-05-10 21:00:00 +07:00"), At("2026-05-11 07:00:00 +07:00"), Saigon);

        Assert.Collection(
            quote.Days,
            d => Assert.Equal(
                [
                    new FeeLine(FeeLineKind.FirstPeriod, At("2026-05-10 21:00:00 +07:00"), At("2026-05-10 22:00:00 +07:00"), 1, 20_000m),
                    new FeeLine(FeeLineKind.OvernightFlat, At("2026-05-10 22:00:00 +07:00"), At("2026-05-11 06:00:00 +07:00"), 8, 30_000m),
                ],
                d.Lines),
            d => Assert.Equal(
                [new FeeLine(FeeLineKind.LaterPeriods, At("2026-05-11 06:00:00 +07:00"), At("2026-05-11 07:00:00 +07:00"), 1, 10_000m)],
                d.Lines));
    }

    [Theory]
    // A daytime window 12:00–14:00 (Start before End) at 15,000 covered by 10:00 → 16:00:
    // 10:00 (20,000), 11:00 (10,000), window 12:00, 13:00 → 15,000, 14:00, 15:00 (20,000). Total 65,000.
    [InlineData("2026-05-10 10:00:00 +07:00", "2026-05-10 16:00:00 +07:00", "65000")]
    // Not covering it: 12:30 → 13:30 first hour 20,000 > 15,000 → at most the flat.
    [InlineData("2026-05-10 12:30:00 +07:00", "2026-05-10 13:30:00 +07:00", "15000")]
    public void Same_day_window(string entry, string exit, string expected)
    {
        var rate = Car with { Overnight = new OvernightWindow(new TimeOnly(12, 0), new TimeOnly(14, 0), 15_000m) };

        var quote = FeeCalculator.Calculate(Only(rate), VehicleClass.Car, At(entry), At(exit), Saigon);

        Assert.Equal(Amount(expected), quote.Total.Amount);
    }
}
