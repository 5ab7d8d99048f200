using Orleans;

namespace ParkingGrains.Grains.Interfaces.Tariffs;

/// <summary>One cap day of a stay: the lines charged to it, and what it costs after the daily cap.</summary>
/// <param name="From">Start of the day, clipped to the entry.</param>
/// <param name="To">End of the day, clipped to the exit.</param>
/// <param name="LocalDate">The lot-local calendar date (null for rolling 24 h days).</param>
/// <param name="Lines">Periods starting in this day; an overnight window counts on the day it starts.</param>
/// <param name="Subtotal">Sum of the lines.</param>
/// <param name="Charged">Subtotal limited to the daily cap.</param>
/// <param name="Capped">The daily cap lowered this day's charge.</param>
[GenerateSerializer]
[Immutable]
public sealed record FeeDay(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset To,
    [property: Id(2)] DateOnly? LocalDate,
    [property: Id(3)] IReadOnlyList<FeeLine> Lines,
    [property: Id(4)] decimal Subtotal,
    [property: Id(5)] decimal Charged,
    [property: Id(6)] bool Capped);
