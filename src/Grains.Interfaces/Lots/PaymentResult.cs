namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>The outcome of a payment; when the stay is paid in full the vehicle may leave free until <see cref="FreeExitUntil"/>.</summary>
public sealed record PaymentResult(
    string EventId,
    bool Accepted,
    DenialReason? Reason,
    string? ReasonText,
    string? SessionId,
    Money AmountPaid,
    Money AmountDue,
    DateTimeOffset? FreeExitUntil);
