namespace ParkingGrains.Storage.Journaling;

/// <summary>
/// Journaled state that keeps derived data it does not put in snapshots (e.g. command ids seen recently, for
/// idempotency). After loading a snapshot the runtime re-reads the <see cref="HistoryEvents"/> events before it and
/// hands them to <see cref="ApplyHistory"/>, so snapshots stay small and that data is still complete.
/// </summary>
public interface IJournaledHistoryOf<in TEvent>
{
    /// <summary>How many events before the snapshot to re-read on activation.</summary>
    int HistoryEvents { get; }

    /// <summary>Rebuilds the derived data only; the snapshot already contains the event's effect on the state.</summary>
    void ApplyHistory(TEvent @event);
}
