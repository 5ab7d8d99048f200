using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.Grains.Interfaces.Payments;

/// <summary>A payment as it stands.</summary>
/// <param name="SessionId">The stay the payment is for (resolved from the request's session id, ticket or plate).</param>
/// <param name="LotResult">The lot's answer when the confirmed money was recorded against the stay.</param>
public sealed record PaymentView(
    string PaymentId,
    PaymentStatus Status,
    string LotId,
    string SessionId,
    Money Amount,
    PaymentMethod Method,
    string? VietQrPayload,
    DateTimeOffset CreatedAt,
    string? ConfirmationEventId = null,
    string? BankReference = null,
    DateTimeOffset? PaidAt = null,
    PaymentResult? LotResult = null,
    string? FailureReason = null,
    DateTimeOffset? FailedAt = null,
    string? RefundReason = null,
    DateTimeOffset? RefundedAt = null);
