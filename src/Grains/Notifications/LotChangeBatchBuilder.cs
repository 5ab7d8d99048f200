using ParkingGrains.Grains.Interfaces.Notifications;

namespace ParkingGrains.Grains.Notifications;

/// <summary>Collects the changes of the decisions taken while the previous batch was being written.</summary>
internal sealed class LotChangeBatchBuilder
{
    private readonly List<SlotChanged> _slots = [];
    private readonly List<SessionStarted> _started = [];
    private readonly List<SessionEnded> _ended = [];
    private readonly List<LotAlert> _alerts = [];
    private LotCountsChanged? _counts;

    public bool IsEmpty => _slots.Count == 0 && _started.Count == 0 && _ended.Count == 0 && _alerts.Count == 0 && _counts is null;

    public void PublishSlotChanged(SlotChanged change) => _slots.Add(change);

    public void PublishSessionStarted(SessionStarted session) => _started.Add(session);

    public void PublishSessionEnded(SessionEnded session) => _ended.Add(session);

    public void PublishCounts(LotCountsChanged counts) => _counts = counts;

    public void PublishAlert(LotAlert alert) => _alerts.Add(alert);

    public LotChangeBatch Build() => new([.. _slots], [.. _started], [.. _ended], _counts, [.. _alerts]);
}
