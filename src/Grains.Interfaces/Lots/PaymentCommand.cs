using Orleans;

namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>A payment towards a stay (pay station, exit lane or app), by session id or ticket.</summary>
[GenerateSerializer]
[Immutable]
public sealed record PaymentCommand(
    [property: Id(0)] string EventId,
    [property: Id(1)] string SessionIdOrTicket,
    [property: Id(2)] Money Amount,
    [property: Id(3)] PaymentMethod Method,
    [property: Id(4)] DateTimeOffset Time,
    [property: Id(5)] string? Reference = null);
