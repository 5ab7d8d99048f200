using Orleans;

namespace ParkingGrains.Grains.Interfaces.Notifications;

/// <summary>
/// The live changes of one confirmed batch of lot decisions, sent to the lot's publisher in one call. Counts are
/// coalesced to the latest (dashboards only need the current free counts).
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record LotChangeBatch(
    [property: Id(0)] IReadOnlyList<SlotChanged> Slots,
    [property: Id(1)] IReadOnlyList<SessionStarted> Started,
    [property: Id(2)] IReadOnlyList<SessionEnded> Ended,
    [property: Id(3)] LotCountsChanged? Counts,
    [property: Id(4)] IReadOnlyList<LotAlert> Alerts);
