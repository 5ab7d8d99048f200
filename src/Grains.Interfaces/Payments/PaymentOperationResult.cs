namespace ParkingGrains.Grains.Interfaces.Payments;

/// <summary>The outcome of a confirm, fail or refund, with the payment as it stood right after (null when it does not exist).</summary>
/// <param name="Note">A warning on an accepted operation, e.g. money received that the lot could not attribute to the stay.</param>
public sealed record PaymentOperationResult(
    string? EventId,
    bool Accepted,
    PaymentRejection? Reason,
    string? ReasonText,
    PaymentView? Payment,
    string? Note = null);
