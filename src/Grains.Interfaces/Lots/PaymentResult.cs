namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>
/// The outcome of a payment (or refund); when the stay is paid in full the vehicle may leave free until
/// <see cref="FreeExitUntil"/>. <see cref="VehicleClass"/> is the stay's class, so a later refund is reported under it.
/// </summary>
public sealed record PaymentResult(
    string EventId,
    bool Accepted,
    DenialReason? Reason,
    string? ReasonText,
    string? SessionId,
    Money AmountPaid,
    Money AmountDue,
    DateTimeOffset? FreeExitUntil,
    VehicleClass? VehicleClass = null);
