using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.Grains.Lots.Events;

/// <summary>Money given back for a recorded payment: negative revenue, by the payment's method and vehicle class.</summary>
public sealed record RefundRecorded(
    string EventId,
    string PaymentEventId,
    string SessionId,
    VehicleClass? VehicleClass,
    Money Amount,
    PaymentMethod Method,
    string Reason,
    PaymentResult Result,
    DateTimeOffset OccurredAt) : LotEvent(OccurredAt);
