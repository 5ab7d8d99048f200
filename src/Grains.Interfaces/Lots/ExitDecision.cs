using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>The answer at an exit: the fee, what is still due, and whether the barrier opens.</summary>
public sealed record ExitDecision(
    string EventId,
    bool Open,
    DenialReason? Reason,
    string? ReasonText,
    string? SessionId,
    FeeQuote? Fee,
    Money AmountDue,
    Money AmountPaid,
    IReadOnlyDictionary<VehicleClass, int> FreeCounts);
