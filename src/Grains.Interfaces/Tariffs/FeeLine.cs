namespace ParkingGrains.Grains.Interfaces.Tariffs;

/// <summary>One receipt line.</summary>
/// <param name="Kind">What is charged.</param>
/// <param name="From">Start of the first period (or of the window, clipped to the stay).</param>
/// <param name="To">End of the last period (or of the window, clipped to the stay).</param>
/// <param name="Periods">Periods charged, or for <see cref="FeeLineKind.OvernightFlat"/> the periods it replaces.</param>
/// <param name="Amount">Amount of the line before any daily cap, in the quote's currency.</param>
public sealed record FeeLine(FeeLineKind Kind, DateTimeOffset From, DateTimeOffset To, int Periods, decimal Amount);
