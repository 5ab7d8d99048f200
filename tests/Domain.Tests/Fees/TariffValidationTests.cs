using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Tariffs;
using static ParkingGrains.Domain.Tests.Fees.TestTariffs;

namespace ParkingGrains.Domain.Tests.Fees;

public sealed class TariffValidationTests
{
    [Fact]
    public void The_test_tariffs_are_valid()
    {
        Assert.Empty(Vnd.Validate());
        Assert.Empty(VndOvernight.Validate());
        Assert.Empty(Only(BerlinCar, "EUR").Validate());
    }

    public static TheoryData<string, VehicleClassRate, string> BadRates => new()
    {
        { "negative grace", Car with { GracePeriod = TimeSpan.FromMinutes(-1) }, "Rates[0] (Car).GracePeriod: must not be negative" },
        { "zero first period", Car with { FirstPeriod = TimeSpan.Zero }, "Rates[0] (Car).FirstPeriod: must be longer than zero" },
        { "negative first price", Car with { FirstPeriodPrice = -1m }, "Rates[0] (Car).FirstPeriodPrice: must not be negative" },
        { "zero later period", Car with { LaterPeriod = TimeSpan.Zero }, "Rates[0] (Car).LaterPeriod: must be longer than zero" },
        { "negative later period", Car with { LaterPeriod = TimeSpan.FromHours(-1) }, "Rates[0] (Car).LaterPeriod: must be longer than zero" },
        { "negative later price", Car with { LaterPeriodPrice = -0.01m }, "Rates[0] (Car).LaterPeriodPrice: must not be negative" },
        { "unknown rounding", Car with { Rounding = (PeriodRounding)9 }, "Rates[0] (Car).Rounding: unknown rounding mode 9" },
        { "negative tolerance", Car with { RoundingTolerance = TimeSpan.FromSeconds(-1) }, "Rates[0] (Car).RoundingTolerance: must not be negative" },
        { "tolerance with Down", Car with { Rounding = PeriodRounding.Down, RoundingTolerance = TimeSpan.FromMinutes(5) }, "Rates[0] (Car).RoundingTolerance: only applies to rounding Up" },
        { "tolerance a whole period", Car with { RoundingTolerance = TimeSpan.FromHours(1) }, "Rates[0] (Car).RoundingTolerance: must be shorter than the later period" },
        { "negative cap", Car with { DailyCap = -5m }, "Rates[0] (Car).DailyCap: must not be negative" },
        { "cap below first period", Car with { DailyCap = 19_999m }, "Rates[0] (Car).DailyCap: is below the first period price (19999 < 20000)" },
        { "unknown cap mode", Car with { CapMode = (CapMode)7 }, "Rates[0] (Car).CapMode: unknown cap mode 7" },
        { "zero-length window", Car with { Overnight = new OvernightWindow(new TimeOnly(22, 0), new TimeOnly(22, 0), 1m) }, "Rates[0] (Car).Overnight.End: must differ from the start (22:00:00)" },
        { "negative window price", Car with { Overnight = new OvernightWindow(new TimeOnly(22, 0), new TimeOnly(6, 0), -1m) }, "Rates[0] (Car).Overnight.Price: must not be negative" },
        { "negative lost-ticket fee", Car with { LostTicketFee = -1m }, "Rates[0] (Car).LostTicketFee: must not be negative" },
        { "unknown lost-ticket mode", Car with { LostTicketMode = (LostTicketMode)3 }, "Rates[0] (Car).LostTicketMode: unknown lost-ticket mode 3" },
        { "unknown vehicle class", Car with { VehicleClass = (VehicleClass)42 }, "Rates[0] (42).VehicleClass: unknown vehicle class 42" },
    };

    [Theory]
    [MemberData(nameof(BadRates))]
    public void A_bad_rate_is_reported_with_its_path(string because, VehicleClassRate rate, string expected)
    {
        var problems = Only(rate).Validate();

        Assert.True(problems.Count == 1, $"{because}: {string.Join(" | ", problems)}");
        Assert.StartsWith(expected, problems[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Currency: is required")]
    [InlineData("vnd", "Currency: \"vnd\" is not a three-letter upper-case ISO 4217 code.")]
    [InlineData("EURO", "Currency: \"EURO\" is not a three-letter upper-case ISO 4217 code.")]
    public void A_bad_currency_is_reported(string currency, string expected)
    {
        var problem = Assert.Single(Only(Car, currency).Validate());

        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_do_not_depend_on_the_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");

            Assert.Equal(["Rates[0] (Car).LaterPeriodPrice: must not be negative (is -0.01)."], Only(Car with { LaterPeriodPrice = -0.01m }).Validate());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void No_rates_is_reported()
    {
        Assert.Equal(["Rates: at least one vehicle class rate is required."], new Tariff("VND", []).Validate());
    }

    [Fact]
    public void Every_problem_is_listed_not_just_the_first()
    {
        var tariff = new Tariff("VND", [Car with { FirstPeriodPrice = -1m, LaterPeriod = TimeSpan.Zero }, Bus, Car]);

        Assert.Equal(
            [
                "Rates[0] (Car).FirstPeriodPrice: must not be negative (is -1).",
                "Rates[0] (Car).LaterPeriod: must be longer than zero (is 00:00:00).",
                "Rates[2] (Car): duplicate rate for vehicle class Car.",
            ],
            tariff.Validate());
    }
}
