namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>
/// Money given back for a payment the lot recorded (<see cref="PaymentEventId"/>). It comes off the stay's paid
/// amount while the vehicle is inside, and off the revenue of the day it is refunded either way.
/// </summary>
public sealed record RefundCommand(
    string EventId,
    string PaymentEventId,
    string SessionId,
    Money Amount,
    PaymentMethod Method,
    VehicleClass? VehicleClass,
    string Reason,
    DateTimeOffset Time);
