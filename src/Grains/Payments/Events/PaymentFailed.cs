namespace ParkingGrains.Grains.Payments.Events;

public sealed record PaymentFailed(string Reason, DateTimeOffset OccurredAt) : PaymentEvent(OccurredAt);
