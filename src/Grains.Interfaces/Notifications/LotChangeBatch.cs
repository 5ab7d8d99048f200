namespace ParkingGrains.Grains.Interfaces.Notifications;

/// <summary>
/// The live changes of one confirmed batch of lot decisions, sent to the lot's publisher in one call. Counts are
/// coalesced to the latest (dashboards only need the current free counts).
/// </summary>
public sealed record LotChangeBatch(
    IReadOnlyList<SlotChanged> Slots,
    IReadOnlyList<SessionStarted> Started,
    IReadOnlyList<SessionEnded> Ended,
    LotCountsChanged? Counts,
    IReadOnlyList<LotAlert> Alerts);
