using ParkingGrains.Grains.Interfaces.Payments;

namespace ParkingGrains.Grains.Payments.Events;

public sealed record PaymentRefundRejected(string EventId, string Reason, PaymentRejection Rejection, PaymentOperationResult Result, DateTimeOffset OccurredAt) : PaymentEvent(OccurredAt);
