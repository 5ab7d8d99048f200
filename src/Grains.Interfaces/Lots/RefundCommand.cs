using Orleans;

namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>
/// Money given back for a payment the lot recorded (<see cref="PaymentEventId"/>). It comes off the stay's paid
/// amount while the vehicle is inside, and off the revenue of the day it is refunded either way.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record RefundCommand(
    [property: Id(0)] string EventId,
    [property: Id(1)] string PaymentEventId,
    [property: Id(2)] string SessionId,
    [property: Id(3)] Money Amount,
    [property: Id(4)] PaymentMethod Method,
    [property: Id(5)] VehicleClass? VehicleClass,
    [property: Id(6)] string Reason,
    [property: Id(7)] DateTimeOffset Time);
