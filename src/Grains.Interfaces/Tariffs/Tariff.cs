using Orleans;

namespace ParkingGrains.Grains.Interfaces.Tariffs;

/// <summary>A lot's tariff: its currency and one rate per vehicle class. Stored with the lot grain.</summary>
/// <param name="Currency">ISO 4217 code, e.g. "VND", "EUR"; every price in the rates is in it.</param>
/// <param name="Rates">One rate per vehicle class the lot admits.</param>
[GenerateSerializer]
[Immutable]
public sealed record Tariff([property: Id(0)] string Currency, [property: Id(1)] IReadOnlyList<VehicleClassRate> Rates)
{
    /// <summary>The rate for <paramref name="vehicleClass"/>, or null when the lot does not charge that class.</summary>
    public VehicleClassRate? RateFor(VehicleClass vehicleClass)
    {
        foreach (var rate in Rates ?? [])
        {
            if (rate is not null && rate.VehicleClass == vehicleClass)
            {
                return rate;
            }
        }

        return null;
    }

    /// <summary>Every problem with this tariff, one readable line each; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();

        if (string.IsNullOrWhiteSpace(Currency))
        {
            problems.Add("Currency: is required (an ISO 4217 code such as \"VND\").");
        }
        else if (Currency.Length != 3 || !Currency.All(char.IsAsciiLetterUpper))
        {
            problems.Add($"Currency: \"{Currency}\" is not a three-letter upper-case ISO 4217 code.");
        }

        if (Rates is null || Rates.Count == 0)
        {
            problems.Add("Rates: at least one vehicle class rate is required.");
            return problems;
        }

        var seen = new HashSet<VehicleClass>();
        for (var i = 0; i < Rates.Count; i++)
        {
            var rate = Rates[i];
            if (rate is null)
            {
                problems.Add($"Rates[{i}]: is missing.");
                continue;
            }

            var path = $"Rates[{i}] ({rate.VehicleClass})";
            if (!seen.Add(rate.VehicleClass))
            {
                problems.Add($"{path}: duplicate rate for vehicle class {rate.VehicleClass}.");
            }

            problems.AddRange(rate.Validate(path));
        }

        return problems;
    }
}
