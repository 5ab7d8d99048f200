using Orleans;

namespace ParkingGrains.Grains.Interfaces.Notifications;

/// <summary>Free slots per vehicle class after a confirmed decision.</summary>
[GenerateSerializer]
[Immutable]
public sealed record LotCountsChanged(
    [property: Id(0)] string LotId,
    [property: Id(1)] IReadOnlyDictionary<VehicleClass, int> Free,
    [property: Id(2)] DateTimeOffset At);
