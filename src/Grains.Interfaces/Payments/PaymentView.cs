using Orleans;
using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.Grains.Interfaces.Payments;

/// <summary>A payment as it stands.</summary>
/// <param name="SessionId">The stay the payment is for (resolved from the request's session id, ticket or plate).</param>
/// <param name="LotResult">The lot's answer when the confirmed money was recorded against the stay.</param>
[GenerateSerializer]
[Immutable]
public sealed record PaymentView(
    [property: Id(0)] string PaymentId,
    [property: Id(1)] PaymentStatus Status,
    [property: Id(2)] string LotId,
    [property: Id(3)] string SessionId,
    [property: Id(4)] Money Amount,
    [property: Id(5)] PaymentMethod Method,
    [property: Id(6)] string? VietQrPayload,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] string? ConfirmationEventId = null,
    [property: Id(9)] string? BankReference = null,
    [property: Id(10)] DateTimeOffset? PaidAt = null,
    [property: Id(11)] PaymentResult? LotResult = null,
    [property: Id(12)] string? FailureReason = null,
    [property: Id(13)] DateTimeOffset? FailedAt = null,
    [property: Id(14)] string? RefundReason = null,
    [property: Id(15)] DateTimeOffset? RefundedAt = null);
