using ParkingGrains.Grains.Interfaces.Payments;

namespace ParkingGrains.Grains.Payments.Events;

public sealed record PaymentRefunded(string EventId, string Reason, PaymentOperationResult Result, DateTimeOffset OccurredAt) : PaymentEvent(OccurredAt);
