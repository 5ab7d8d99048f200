using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Payments;

namespace ParkingGrains.Grains.Payments.Events;

/// <summary>A confirmation that was refused (already paid, failed, refunded, wrong amount): kept, since it may mean money to return.</summary>
public sealed record PaymentConfirmationRejected(
    string EventId,
    string Reference,
    Money Amount,
    PaymentRejection Reason,
    PaymentOperationResult Result,
    DateTimeOffset OccurredAt) : PaymentEvent(OccurredAt);
