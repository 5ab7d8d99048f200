using System.Collections.Frozen;

namespace ParkingGrains.Grains.Interfaces.Validation;

/// <summary>
/// Amounts are in the currency's minor unit: no more decimals than ISO 4217 gives it (VND, JPY, KRW none; BHD, KWD
/// three; most two, the default), not negative, and at most <see cref="MaxMinorUnits"/> minor units.
/// </summary>
public static class MoneyRules
{
    public const long MaxMinorUnits = 1_000_000_000;

    private static readonly FrozenDictionary<string, int> s_minorUnits = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0, ["PYG"] = 0,
        ["RWF"] = 0, ["UGX"] = 0, ["UYI"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["XPF"] = 0,
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Decimals of the currency's minor unit (2 unless the table says otherwise).</summary>
    public static int MinorUnits(string currency) => s_minorUnits.GetValueOrDefault(currency, 2);

    /// <summary>Three letters A–Z, as ISO 4217 spells codes.</summary>
    public static bool IsCurrencyCode(string? currency) => currency is { Length: 3 } && currency.All(c => c is >= 'A' and <= 'Z');

    /// <summary>Adds the problems of <paramref name="money"/> under <paramref name="amountField"/> and <paramref name="currencyField"/>.</summary>
    public static void Check(CommandProblems problems, Money money, string amountField = "amount", string currencyField = "currency")
    {
        if (!IsCurrencyCode(money.Currency))
        {
            problems.Add(currencyField, "A currency is a three-letter ISO 4217 code.");
            return;
        }

        if (money.Amount < 0)
        {
            problems.Add(amountField, "An amount is never negative.");
            return;
        }

        var decimals = MinorUnits(money.Currency);
        var minor = money.Amount * Pow10(decimals);
        if (minor != decimal.Truncate(minor))
        {
            problems.Add(amountField, decimals == 0 ? $"{money.Currency} amounts have no decimals." : $"{money.Currency} amounts have at most {decimals} decimals.");
        }
        else if (minor > MaxMinorUnits)
        {
            problems.Add(amountField, $"An amount is at most {MaxMinorUnits} minor units of its currency.");
        }
    }

    private static decimal Pow10(int decimals) => decimals switch
    {
        0 => 1m,
        1 => 10m,
        2 => 100m,
        _ => 1000m,
    };
}
