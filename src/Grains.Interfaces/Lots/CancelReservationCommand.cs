using Orleans;

namespace ParkingGrains.Grains.Interfaces.Lots;

[GenerateSerializer]
[Immutable]
public sealed record CancelReservationCommand(
    [property: Id(0)] string EventId,
    [property: Id(1)] string ReservationId,
    [property: Id(2)] string HolderId,
    [property: Id(3)] DateTimeOffset Time);
