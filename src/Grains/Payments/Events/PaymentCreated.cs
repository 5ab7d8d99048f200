using ParkingGrains.Grains.Interfaces.Payments;

namespace ParkingGrains.Grains.Payments.Events;

/// <summary>A payment was opened for a stay; the request is kept so a repeated create can be told from a conflicting one.</summary>
public sealed record PaymentCreated(string PaymentId, PaymentRequest Request, string SessionId, string? VietQrPayload, DateTimeOffset OccurredAt) : PaymentEvent(OccurredAt);
