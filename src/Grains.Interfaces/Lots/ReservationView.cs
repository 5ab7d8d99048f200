using Orleans;

namespace ParkingGrains.Grains.Interfaces.Lots;

[GenerateSerializer]
[Immutable]
public sealed record ReservationView(
    [property: Id(0)] string ReservationId,
    [property: Id(1)] string HolderId,
    [property: Id(2)] string? Plate,
    [property: Id(3)] string? CardId,
    [property: Id(4)] VehicleClass VehicleClass,
    [property: Id(5)] string SlotId,
    [property: Id(6)] DateTimeOffset From,
    [property: Id(7)] DateTimeOffset To,
    [property: Id(8)] ReservationStatus Status);
