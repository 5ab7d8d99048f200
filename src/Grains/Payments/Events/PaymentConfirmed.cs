using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Payments;

namespace ParkingGrains.Grains.Payments.Events;

/// <summary>Money arrived; <paramref name="LotResult"/> is the lot's answer to recording it (under <paramref name="LotEventId"/>) against the stay.</summary>
public sealed record PaymentConfirmed(
    string EventId,
    string Reference,
    Money Amount,
    string LotEventId,
    PaymentResult LotResult,
    PaymentOperationResult Result,
    DateTimeOffset OccurredAt) : PaymentEvent(OccurredAt);
