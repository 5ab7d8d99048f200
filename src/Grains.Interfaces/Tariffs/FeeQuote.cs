namespace ParkingGrains.Grains.Interfaces.Tariffs;

/// <summary>The fee for one stay with its breakdown. Always <c>Total = TimeFee + LostTicketFee</c>.</summary>
/// <param name="VehicleClass">The class charged.</param>
/// <param name="Entry">Entry instant.</param>
/// <param name="Exit">Exit instant.</param>
/// <param name="Duration">Elapsed time of the stay.</param>
/// <param name="TimeFee">Sum of the days' charges (zero for subscribers, within grace, or a flat lost-ticket fee).</param>
/// <param name="LostTicketFee">What the lost ticket added on top of the time fee.</param>
/// <param name="Total">What must be paid.</param>
/// <param name="Rules">Which rules applied.</param>
/// <param name="Days">Per cap day breakdown (empty when no time was charged).</param>
public sealed record FeeQuote(
    VehicleClass VehicleClass,
    DateTimeOffset Entry,
    DateTimeOffset Exit,
    TimeSpan Duration,
    Money TimeFee,
    Money LostTicketFee,
    Money Total,
    FeeRules Rules,
    IReadOnlyList<FeeDay> Days);
