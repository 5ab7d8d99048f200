using System.Globalization;
using Orleans;

namespace ParkingGrains.Grains.Interfaces;

/// <summary>An amount in a currency (ISO 4217 code, e.g. "VND", "EUR"). Never a float.</summary>
[GenerateSerializer]
[Immutable]
public readonly record struct Money([property: Id(0)] decimal Amount, [property: Id(1)] string Currency)
{
    public static Money Zero(string currency) => new(0m, currency);

    public static Money operator +(Money left, Money right)
    {
        if (!string.Equals(left.Currency, right.Currency, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Cannot add {left.Currency} and {right.Currency}.");
        }

        return new Money(left.Amount + right.Amount, left.Currency);
    }

    public override string ToString() => $"{Amount.ToString("0.##", CultureInfo.InvariantCulture)} {Currency}";
}
