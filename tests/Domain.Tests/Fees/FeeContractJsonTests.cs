using System.Text.Json;
using ParkingGrains.Domain.Fees;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Tariffs;
using static ParkingGrains.Domain.Tests.Fees.TestTariffs;

namespace ParkingGrains.Domain.Tests.Fees;

/// <summary>Tariffs are grain state and quotes cross the wire: both must survive System.Text.Json.</summary>
public sealed class FeeContractJsonTests
{
    [Fact]
    public void A_tariff_round_trips()
    {
        var tariff = new Tariff("VND", [Motorcycle, VndOvernight.Rates[0], Van with { Rounding = PeriodRounding.Nearest }, Bus]);

        var json = JsonSerializer.Serialize(tariff);
        var back = JsonSerializer.Deserialize<Tariff>(json)!;

        Assert.Equal(tariff.Currency, back.Currency);
        Assert.Equal(tariff.Rates, back.Rates);
        Assert.Equal(json, JsonSerializer.Serialize(back));
    }

    [Fact]
    public void A_quote_round_trips()
    {
        var quote = FeeCalculator.Calculate(VndOvernight, VehicleClass.Car, At("2026-05-10 08:00:00 +07:00"), At("2026-05-12 09:30:00 +07:00"), Saigon, new FeeOptions(LostTicket: true));

        var json = JsonSerializer.Serialize(quote);
        var back = JsonSerializer.Deserialize<FeeQuote>(json)!;

        Assert.Equal(quote.Total, back.Total);
        Assert.Equal(quote.Rules, back.Rules);
        Assert.Equal(quote.Days.SelectMany(d => d.Lines), back.Days.SelectMany(d => d.Lines));
        Assert.Equal(json, JsonSerializer.Serialize(back));
    }

    [Fact]
    public void Options_default_to_a_normal_exit()
    {
        Assert.Equal(FeeOptions.None, JsonSerializer.Deserialize<FeeOptions>("{}"));
    }
}
