using System.Collections.Concurrent;
using System.Globalization;

namespace ParkingGrains.WebApi.Reports;

/// <summary>
/// Money as the lot's customers read it: the ISO 4217 code picks a culture whose currency it is (VND → vi-VN:
/// "1.250.000 ₫", EUR → de-DE: "11,50 €"), so symbol, separators and decimals are the currency's own.
/// </summary>
internal static class CurrencyFormat
{
    // Preferred cultures where several countries share a currency; anything else is searched once and cached.
    private static readonly Dictionary<string, string> Preferred = new(StringComparer.OrdinalIgnoreCase)
    {
        ["VND"] = "vi-VN",
        ["EUR"] = "de-DE",
        ["USD"] = "en-US",
        ["GBP"] = "en-GB",
        ["JPY"] = "ja-JP",
        ["THB"] = "th-TH",
        ["SGD"] = "en-SG",
    };

    private static readonly ConcurrentDictionary<string, NumberFormatInfo?> Formats = new(StringComparer.OrdinalIgnoreCase);

    public static string Format(decimal amount, string currency) =>
        Formats.GetOrAdd(currency, Resolve) is { } format
            ? amount.ToString("C", format)
            : amount.ToString("#,0.00", CultureInfo.InvariantCulture) + " " + currency;

    private static NumberFormatInfo? Resolve(string currency)
    {
        try
        {
            if (Preferred.TryGetValue(currency, out var name))
            {
                return CultureInfo.GetCultureInfo(name).NumberFormat;
            }

            foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
            {
                if (string.Equals(new RegionInfo(culture.Name).ISOCurrencySymbol, currency, StringComparison.OrdinalIgnoreCase))
                {
                    return culture.NumberFormat;
                }
            }
        }
        catch (ArgumentException)
        {
            // No culture data (invariant globalization, CultureNotFoundException): fall back to "1,234.00 XXX".
        }

        return null;
    }
}
