using Orleans;

namespace ParkingGrains.Grains.Interfaces.Tariffs;

/// <summary>One receipt line.</summary>
/// <param name="Kind">What is charged.</param>
/// <param name="From">Start of the first period (or of the window, clipped to the stay).</param>
/// <param name="To">End of the last period (or of the window, clipped to the stay).</param>
/// <param name="Periods">Periods charged, or for <see cref="FeeLineKind.OvernightFlat"/> the periods it replaces.</param>
/// <param name="Amount">Amount of the line before any daily cap, in the quote's currency.</param>
[GenerateSerializer]
[Immutable]
public sealed record FeeLine(
    [property: Id(0)] FeeLineKind Kind,
    [property: Id(1)] DateTimeOffset From,
    [property: Id(2)] DateTimeOffset To,
    [property: Id(3)] int Periods,
    [property: Id(4)] decimal Amount);
