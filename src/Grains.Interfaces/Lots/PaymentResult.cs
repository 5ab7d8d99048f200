using Orleans;

namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>
/// The outcome of a payment (or refund); when the stay is paid in full the vehicle may leave free until
/// <see cref="FreeExitUntil"/>. <see cref="VehicleClass"/> is the stay's class, so a later refund is reported under it.
/// <see cref="Overpayment"/>: more than was due was paid on purpose (the command said so).
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record PaymentResult(
    [property: Id(0)] string EventId,
    [property: Id(1)] bool Accepted,
    [property: Id(2)] DenialReason? Reason,
    [property: Id(3)] string? ReasonText,
    [property: Id(4)] string? SessionId,
    [property: Id(5)] Money AmountPaid,
    [property: Id(6)] Money AmountDue,
    [property: Id(7)] DateTimeOffset? FreeExitUntil,
    [property: Id(8)] VehicleClass? VehicleClass = null,
    [property: Id(9)] bool Overpayment = false);
