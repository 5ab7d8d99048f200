using Orleans;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>
/// The answer at an exit: the fee, what is still due, and whether the barrier opens. <see cref="Replayed"/>: dated more
/// than the clock skew before the server decided (an offline gate catching up).
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record ExitDecision(
    [property: Id(0)] string EventId,
    [property: Id(1)] bool Open,
    [property: Id(2)] DenialReason? Reason,
    [property: Id(3)] string? ReasonText,
    [property: Id(4)] string? SessionId,
    [property: Id(5)] FeeQuote? Fee,
    [property: Id(6)] Money AmountDue,
    [property: Id(7)] Money AmountPaid,
    [property: Id(8)] IReadOnlyDictionary<VehicleClass, int> FreeCounts,
    [property: Id(9)] bool Replayed = false);
