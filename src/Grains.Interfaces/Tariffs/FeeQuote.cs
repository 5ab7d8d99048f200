using Orleans;

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
[GenerateSerializer]
[Immutable]
public sealed record FeeQuote(
    [property: Id(0)] VehicleClass VehicleClass,
    [property: Id(1)] DateTimeOffset Entry,
    [property: Id(2)] DateTimeOffset Exit,
    [property: Id(3)] TimeSpan Duration,
    [property: Id(4)] Money TimeFee,
    [property: Id(5)] Money LostTicketFee,
    [property: Id(6)] Money Total,
    [property: Id(7)] FeeRules Rules,
    [property: Id(8)] IReadOnlyList<FeeDay> Days);
