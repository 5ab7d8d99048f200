using Orleans;

namespace ParkingGrains.Grains.Interfaces.Payments;

/// <summary>The outcome of a confirm, fail or refund, with the payment as it stood right after (null when it does not exist).</summary>
/// <param name="Note">A warning on an accepted operation, e.g. money received that the lot could not attribute to the stay.</param>
[GenerateSerializer]
[Immutable]
public sealed record PaymentOperationResult(
    [property: Id(0)] string? EventId,
    [property: Id(1)] bool Accepted,
    [property: Id(2)] PaymentRejection? Reason,
    [property: Id(3)] string? ReasonText,
    [property: Id(4)] PaymentView? Payment,
    [property: Id(5)] string? Note = null);
