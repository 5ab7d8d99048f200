using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Validation;

namespace ParkingGrains.Grains.Tests.Validation;

/// <summary>The contract's rules on their own: plates, text, money and time, as the API and the grains both apply them.</summary>
public sealed class CommandRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("51F-123.45")]
    [InlineData("b 12 cd")]
    [InlineData("ABCDEFGH1234")]
    [InlineData("A-B-C-D-E-F-G-H.")]
    public void Plates_OfTheGrammar_AreAccepted(string plate) => Assert.Null(PlateRules.Problem(plate));

    [Theory]
    [InlineData("ABCDEFGH12345")]      // 13 significant
    [InlineData("A B C D E F G H I ")] // 18 raw
    [InlineData("Đà-1")]
    [InlineData("AB\u202E12")]
    [InlineData("AB\u200D12")]
    [InlineData("AB_12")]
    [InlineData("-. ")]
    public void Plates_OutsideTheGrammar_AreRefused(string plate) => Assert.NotNull(PlateRules.Problem(plate));

    [Theory]
    [InlineData("\u202A")]
    [InlineData("\u202E")]
    [InlineData("\u2066")]
    [InlineData("\u2069")]
    [InlineData("\u200B")]
    [InlineData("\u200F")]
    [InlineData("\uFEFF")]
    [InlineData("\u0000")]
    [InlineData("\n")]
    public void HostileCharacters_MakeTextUnclean(string hostile) => Assert.False(TextRules.IsClean($"ok{hostile}ok"));

    [Fact]
    public void OrdinaryText_IsClean() => Assert.True(TextRules.IsClean("Fire alarm — Tầng 2, lối B"));

    [Theory]
    [InlineData(12.34, "EUR", true)]
    [InlineData(12.345, "EUR", false)]
    [InlineData(20000, "VND", true)]
    [InlineData(20000.5, "VND", false)]
    [InlineData(1000, "JPY", true)]
    [InlineData(1.5, "KRW", false)]
    [InlineData(1.234, "KWD", true)]
    [InlineData(-1, "EUR", false)]
    [InlineData(10000000, "EUR", true)]
    [InlineData(10000000.01, "EUR", false)]
    [InlineData(1000000000, "VND", true)]
    [InlineData(1000000001, "VND", false)]
    public void Amounts_HaveTheirCurrencysPrecision_AndABound(double amount, string currency, bool valid)
    {
        var problems = new CommandProblems();
        MoneyRules.Check(problems, new Money((decimal)amount, currency));
        Assert.Equal(valid, !problems.Any);
    }

    [Fact]
    public void CommandTimes_WithinTheSkewAreLive_WithinTheHorizonReplayed_ElseRefused()
    {
        var bounds = TimeBounds.Default(Now);
        Assert.Equal([false, false, true, true, true, true], new[]
        {
            Now,
            Now.AddMinutes(2),
            Now.AddMinutes(3),
            Now.AddDays(-8),
            DateTimeOffset.MinValue,
            DateTimeOffset.MaxValue,
        }.Select(t => Refused(bounds, t)));
        Assert.False(bounds.IsReplayed(Now.AddMinutes(-1)));
        Assert.True(bounds.IsReplayed(Now.AddMinutes(-3)));
        Assert.False(Refused(bounds, Now.AddDays(-7)));
    }

    [Fact]
    public void Bounds_AtTheEndsOfTheCalendar_DoNotThrow()
    {
        Assert.Equal(DateTimeOffset.MinValue, TimeBounds.Default(DateTimeOffset.MinValue).Earliest);
        Assert.Equal(DateTimeOffset.MaxValue, TimeBounds.Default(DateTimeOffset.MaxValue).Latest);
        var problems = new CommandProblems();
        TimeBounds.Default(Now).CheckWindow(problems, DateTimeOffset.MaxValue.AddDays(-1), DateTimeOffset.MaxValue);
        Assert.Equal(["to"], problems.Problems.Select(p => p.Field));
    }

    private static bool Refused(TimeBounds bounds, DateTimeOffset time)
    {
        var problems = new CommandProblems();
        bounds.Check(problems, time);
        return problems.Any;
    }
}
