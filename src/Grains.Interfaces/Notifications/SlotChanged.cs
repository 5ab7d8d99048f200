using Orleans;
using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.Grains.Interfaces.Notifications;

/// <summary>A slot's status after a confirmed decision; <see cref="SessionId"/> is the stay holding it, if any.</summary>
[GenerateSerializer]
[Immutable]
public sealed record SlotChanged(
    [property: Id(0)] string LotId,
    [property: Id(1)] string SlotId,
    [property: Id(2)] SlotStatus Status,
    [property: Id(3)] string? SessionId,
    [property: Id(4)] DateTimeOffset At);
