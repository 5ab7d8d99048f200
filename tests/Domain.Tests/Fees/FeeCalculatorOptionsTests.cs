using ParkingGrains.Domain.Fees;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Tariffs;
using static ParkingGrains.Domain.Tests.Fees.TestTariffs;

namespace ParkingGrains.Domain.Tests.Fees;

/// <summary>Lost ticket, subscribers, rejected inputs, and invariants over a sweep of exits.</summary>
public sealed class FeeCalculatorOptionsTests
{
    private const string Entry = "2026-05-10 08:00:00 +07:00";

    [Theory]
    // Surcharge (car): 2 h = 20,000 + 10,000, plus 200,000 → 230,000.
    [InlineData(LostTicketMode.Surcharge, "200000", "2026-05-10 10:00:00 +07:00", "30000", "200000", FeeRules.Periods | FeeRules.LostTicket)]
    // Surcharge within grace: no time fee, 200,000.
    [InlineData(LostTicketMode.Surcharge, "200000", "2026-05-10 08:05:00 +07:00", "0", "200000", FeeRules.GracePeriod | FeeRules.LostTicket)]
    // Surcharge on a capped day: 100,000 + 200,000.
    [InlineData(LostTicketMode.Surcharge, "200000", "2026-05-10 20:00:00 +07:00", "100000", "200000", FeeRules.Periods | FeeRules.DailyCap | FeeRules.LostTicket)]
    // Flat: 12 h would cost 100,000 but the lost-ticket fee replaces it: 200,000, no time fee.
    [InlineData(LostTicketMode.Flat, "200000", "2026-05-10 20:00:00 +07:00", "0", "200000", FeeRules.LostTicket)]
    // AtLeast 50,000: 2 h = 30,000 → topped up by 20,000 to 50,000.
    [InlineData(LostTicketMode.AtLeast, "50000", "2026-05-10 10:00:00 +07:00", "30000", "20000", FeeRules.Periods | FeeRules.LostTicket)]
    // AtLeast 50,000: 12 h = 100,000 (capped) already exceeds it → nothing added.
    [InlineData(LostTicketMode.AtLeast, "50000", "2026-05-10 20:00:00 +07:00", "100000", "0", FeeRules.Periods | FeeRules.DailyCap | FeeRules.LostTicket)]
    public void Lost_ticket(LostTicketMode mode, string fee, string exit, string expectedTimeFee, string expectedLostFee, FeeRules rules)
    {
        var rate = Car with { LostTicketMode = mode, LostTicketFee = Amount(fee) };

        var quote = FeeCalculator.Calculate(Only(rate), VehicleClass.Car, At(Entry), At(exit), Saigon, new FeeOptions(LostTicket: true));

        Assert.Equal(Amount(expectedTimeFee), quote.TimeFee.Amount);
        Assert.Equal(Amount(expectedLostFee), quote.LostTicketFee.Amount);
        Assert.Equal(Amount(expectedTimeFee) + Amount(expectedLostFee), quote.Total.Amount);
        Assert.Equal(rules, quote.Rules);
    }

    [Theory]
    [InlineData(VehicleClass.Motorcycle, false)]
    [InlineData(VehicleClass.Car, false)]
    [InlineData(VehicleClass.Van, false)]
    [InlineData(VehicleClass.Bus, false)]
    // A subscriber who lost a ticket is still identified by the pass: free.
    [InlineData(VehicleClass.Bus, true)]
    public void Subscribers_are_free(VehicleClass vehicleClass, bool lostTicket)
    {
        // Three days that would cost every class something.
        var quote = FeeCalculator.Calculate(Vnd, vehicleClass, At(Entry), At("2026-05-13 09:00:00 +07:00"), Saigon, new FeeOptions(LostTicket: lostTicket, Subscriber: true));

        Assert.Equal(Money.Zero("VND"), quote.Total);
        Assert.Equal(FeeRules.Subscriber, quote.Rules);
        Assert.Empty(quote.Days);
    }

    [Fact]
    public void Exit_before_entry_is_rejected_with_both_times()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            FeeCalculator.Calculate(Vnd, VehicleClass.Car, At(Entry), At("2026-05-10 07:59:59 +07:00"), Saigon));

        Assert.Equal("exit", ex.ParamName);
        Assert.Contains("before entry", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2026-05-10T07:59:59.0000000+07:00", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_without_a_rate_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            FeeCalculator.Calculate(Only(Car), VehicleClass.Bus, At(Entry), At("2026-05-10 09:00:00 +07:00"), Saigon));

        Assert.Contains("no rate for vehicle class Bus", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_tariff_is_rejected_with_its_problems()
    {
        var tariff = Only(Car with { LaterPeriod = TimeSpan.Zero });

        var ex = Assert.Throws<ArgumentException>(() =>
            FeeCalculator.Calculate(tariff, VehicleClass.Car, At(Entry), At("2026-05-10 09:00:00 +07:00"), Saigon));

        Assert.Equal("tariff", ex.ParamName);
        Assert.Contains("Rates[0] (Car).LaterPeriod: must be longer than zero", ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<VehicleClass, bool> Sweeps => new()
    {
        { VehicleClass.Car, false },
        { VehicleClass.Car, true },
        { VehicleClass.Motorcycle, false },
        { VehicleClass.Van, false },
        { VehicleClass.Bus, false },
    };

    [Theory]
    [MemberData(nameof(Sweeps))]
    public void Over_three_days_the_fee_never_drops_as_the_exit_moves_later(VehicleClass vehicleClass, bool overnight)
    {
        // Invariants, not expected values: every 7 minutes for 3 days in Berlin across the fall-back night.
        var rate = Vnd.RateFor(vehicleClass)! with { Overnight = overnight ? new OvernightWindow(new TimeOnly(22, 0), new TimeOnly(6, 0), 30_000m) : null };
        var tariff = Only(rate);
        var entry = At("2026-10-23 18:00:00 +02:00");
        var previous = 0m;
        for (var exit = entry; exit <= entry.AddDays(3); exit = exit.AddMinutes(7))
        {
            var quote = FeeCalculator.Calculate(tariff, vehicleClass, entry, exit, Berlin);

            Assert.True(quote.Total.Amount >= previous, $"{exit:O}: {quote.Total.Amount} < {previous}");
            Assert.Equal(quote.TimeFee.Amount + quote.LostTicketFee.Amount, quote.Total.Amount);
            Assert.Equal(quote.Days.Sum(d => d.Charged), quote.TimeFee.Amount);
            Assert.All(quote.Days, d => Assert.True(rate.DailyCap is not { } cap || d.Charged <= cap));
            previous = quote.Total.Amount;
        }
    }

    [Fact]
    public void The_same_inputs_give_the_same_quote()
    {
        FeeQuote Quote() => FeeCalculator.Calculate(VndOvernight, VehicleClass.Car, At(Entry), At("2026-05-12 09:30:00 +07:00"), Saigon);

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(Quote()), System.Text.Json.JsonSerializer.Serialize(Quote()));
    }
}
