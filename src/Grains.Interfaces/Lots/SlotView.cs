using Orleans;

namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>A slot as the dashboard shows it.</summary>
[GenerateSerializer]
[Immutable]
public sealed record SlotView(
    [property: Id(0)] string SlotId,
    [property: Id(1)] string FloorId,
    [property: Id(2)] string Number,
    [property: Id(3)] VehicleClass Size,
    [property: Id(4)] bool Ev,
    [property: Id(5)] bool Accessible,
    [property: Id(6)] SlotStatus Status,
    [property: Id(7)] string? SessionId,
    [property: Id(8)] SlotOverride Override,
    [property: Id(9)] string? OverrideReason,
    [property: Id(10)] string? ReservationId);
