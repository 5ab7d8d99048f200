using Orleans;

namespace ParkingGrains.Grains.Interfaces.Tariffs;

/// <summary>
/// The rate for one vehicle class. Periods are elapsed time counted from the entry; the daily cap and the
/// overnight window follow the lot's wall clock. Prices are in the tariff's currency.
/// </summary>
/// <param name="VehicleClass">The class this rate applies to (one rate per class per tariff).</param>
/// <param name="GracePeriod">A stay no longer than this is free (once, from the entry; not deducted when exceeded).</param>
/// <param name="FirstPeriod">Length of the first period; charged in full as soon as the grace period is exceeded.</param>
/// <param name="FirstPeriodPrice">Price of the first period.</param>
/// <param name="LaterPeriod">Length of every following period.</param>
/// <param name="LaterPeriodPrice">Price of each following period.</param>
/// <param name="Rounding">How the last partial later period is charged.</param>
/// <param name="RoundingTolerance">
/// With <see cref="PeriodRounding.Up"/>: a remainder up to this long is not charged (null: none). Nullable rather than
/// "= default" because a non-nullable value-type parameter defaulted that way makes System.Text.Json's schema exporter
/// throw (dotnet/runtime#133178), which turned the whole OpenAPI document into a 500.
/// </param>
/// <param name="DailyCap">Most that one cap day costs (null: no cap).</param>
/// <param name="CapMode">Calendar day in the lot's zone, or rolling 24 h from the entry.</param>
/// <param name="Overnight">Optional overnight flat window.</param>
/// <param name="LostTicketFee">Fee when the ticket is lost.</param>
/// <param name="LostTicketMode">How the lost-ticket fee combines with the time fee.</param>
[GenerateSerializer]
[Immutable]
public sealed record VehicleClassRate(
    [property: Id(0)] VehicleClass VehicleClass,
    [property: Id(1)] TimeSpan GracePeriod,
    [property: Id(2)] TimeSpan FirstPeriod,
    [property: Id(3)] decimal FirstPeriodPrice,
    [property: Id(4)] TimeSpan LaterPeriod,
    [property: Id(5)] decimal LaterPeriodPrice,
    [property: Id(6)] PeriodRounding Rounding = PeriodRounding.Up,
    [property: Id(7)] TimeSpan? RoundingTolerance = null,
    [property: Id(8)] decimal? DailyCap = null,
    [property: Id(9)] CapMode CapMode = CapMode.CalendarDay,
    [property: Id(10)] OvernightWindow? Overnight = null,
    [property: Id(11)] decimal LostTicketFee = 0m,
    [property: Id(12)] LostTicketMode LostTicketMode = LostTicketMode.Surcharge)
{
    /// <summary>Every problem with this rate, each prefixed by <paramref name="path"/>; empty when valid.</summary>
    public IReadOnlyList<string> Validate(string path)
    {
        var problems = new List<string>();

        // Invariant culture: the same tariff gives the same messages on every silo.
        void Problem(string field, FormattableString message) => problems.Add($"{path}.{field}: {FormattableString.Invariant(message)}");

        if (!Enum.IsDefined(VehicleClass))
        {
            Problem(nameof(VehicleClass), $"unknown vehicle class {(int)VehicleClass}.");
        }

        if (GracePeriod < TimeSpan.Zero)
        {
            Problem(nameof(GracePeriod), $"must not be negative (is {GracePeriod}).");
        }

        if (FirstPeriod <= TimeSpan.Zero)
        {
            Problem(nameof(FirstPeriod), $"must be longer than zero (is {FirstPeriod}).");
        }

        if (FirstPeriodPrice < 0m)
        {
            Problem(nameof(FirstPeriodPrice), $"must not be negative (is {FirstPeriodPrice}).");
        }

        if (LaterPeriod <= TimeSpan.Zero)
        {
            Problem(nameof(LaterPeriod), $"must be longer than zero (is {LaterPeriod}).");
        }

        if (LaterPeriodPrice < 0m)
        {
            Problem(nameof(LaterPeriodPrice), $"must not be negative (is {LaterPeriodPrice}).");
        }

        if (!Enum.IsDefined(Rounding))
        {
            Problem(nameof(Rounding), $"unknown rounding mode {(int)Rounding}.");
        }

        if (RoundingTolerance < TimeSpan.Zero)
        {
            Problem(nameof(RoundingTolerance), $"must not be negative (is {RoundingTolerance}).");
        }
        else if (RoundingTolerance > TimeSpan.Zero && Rounding != PeriodRounding.Up)
        {
            // A tolerance only means something when partial periods are rounded up.
            Problem(nameof(RoundingTolerance), $"only applies to rounding {PeriodRounding.Up}; set it to zero for {Rounding}.");
        }
        else if (LaterPeriod > TimeSpan.Zero && RoundingTolerance >= LaterPeriod)
        {
            Problem(nameof(RoundingTolerance), $"must be shorter than the later period ({RoundingTolerance} >= {LaterPeriod}).");
        }

        if (DailyCap is { } cap)
        {
            if (cap < 0m)
            {
                Problem(nameof(DailyCap), $"must not be negative (is {cap}).");
            }
            else if (cap < FirstPeriodPrice)
            {
                Problem(nameof(DailyCap), $"is below the first period price ({cap} < {FirstPeriodPrice}).");
            }
        }

        if (!Enum.IsDefined(CapMode))
        {
            Problem(nameof(CapMode), $"unknown cap mode {(int)CapMode}.");
        }

        if (Overnight is { } night)
        {
            if (night.Start == night.End)
            {
                Problem($"{nameof(Overnight)}.{nameof(OvernightWindow.End)}", $"must differ from the start ({night.Start:HH\\:mm\\:ss}); a window needs a length.");
            }

            if (night.Price < 0m)
            {
                Problem($"{nameof(Overnight)}.{nameof(OvernightWindow.Price)}", $"must not be negative (is {night.Price}).");
            }
        }

        if (LostTicketFee < 0m)
        {
            Problem(nameof(LostTicketFee), $"must not be negative (is {LostTicketFee}).");
        }

        if (!Enum.IsDefined(LostTicketMode))
        {
            Problem(nameof(LostTicketMode), $"unknown lost-ticket mode {(int)LostTicketMode}.");
        }

        return problems;
    }
}
