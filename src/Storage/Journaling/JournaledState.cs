using System.Text.Json;
using Microsoft.Extensions.Logging;
using ParkingGrains.Storage.EventLog;
using ParkingGrains.Storage.GrainState;

namespace ParkingGrains.Storage.Journaling;

/// <summary>
/// Tentative state plus a single flusher per activation. All members run on the activation's scheduler (grain
/// turns and the flusher's continuations), so no locks are needed. We keep this facet instead of Orleans'
/// JournaledGrain because it snapshots (JournaledGrain replays the whole stream on every activation), versions are
/// long, and on a conflict it fails every unconfirmed decision and deactivates, so the next activation decides again
/// on the stored state (JournaledGrain would re-apply unconditional events on top of the other writer's).
/// </summary>
internal sealed class JournaledState<TState, TEvent>(
    string streamName,
    IEventLogStorage log,
    IGrainStorage? snapshots,
    int snapshotEvery,
    IGrainContext activation,
    ILogger logger) : IJournaledState<TState, TEvent>, IJournalReplayReport, ILifecycleObserver
    where TState : class, IJournaledStateOf<TEvent>, new()
    where TEvent : class
{
    private static readonly JsonSerializerOptions s_json = GrainStateSerializer.Default.Options;
    private readonly GrainState<JournalSnapshot> _snapshot = new(new JournalSnapshot());
    private readonly List<EventToAppend> _pending = [];
    private readonly List<(long Version, TaskCompletionSource Done)> _waiters = [];
    private Task _flushing = Task.CompletedTask;
    private Exception? _failure;
    private long _lastSnapshotVersion;
    private bool _refreshSnapshotETag;
    private readonly List<JournalReplayProblem> _replayProblems = [];

    public TState State { get; private set; } = new();

    public long Version { get; private set; }

    public long ConfirmedVersion { get; private set; }

    public IReadOnlyList<JournalReplayProblem> ReplayProblems => _replayProblems;

    private string SnapshotName => $"{streamName}.snapshot";

    // A stream that had to be replayed far past its snapshot (none yet, or it was lost) is snapshotted at once, so the
    // next activation is fast again.
    async Task ILifecycleObserver.OnStart(CancellationToken cancellationToken)
    {
        await ReadStateAsync();
        await SnapshotIfDueAsync();
    }

    // A deactivating lot lets its last append (and snapshot) finish, so the next activation does not race it.
    async Task ILifecycleObserver.OnStop(CancellationToken cancellationToken)
    {
        try
        {
            await _flushing.WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            logger.LogWarning("{GrainId}/{Stream} deactivated with an append still in flight", activation.GrainId, streamName);
        }
    }

    /// <summary>
    /// Rebuilds the state. Never throws on what is stored: a value accepted once must not keep the grain from activating.
    /// A snapshot that cannot be read is replaced by a replay from the start; an event that cannot be read or applied is
    /// logged with its stream, version and exception, listed in <see cref="ReplayProblems"/>, and skipped (its version
    /// still counts, so appends continue after it). Failing to reach the storage still throws: that is not the data.
    /// </summary>
    public async Task ReadStateAsync()
    {
        State = new TState();
        Version = 0;
        _replayProblems.Clear();
        if (snapshots is not null)
        {
            await snapshots.ReadStateAsync(SnapshotName, activation.GrainId, _snapshot);
            if (_snapshot.RecordExists && _snapshot.State?.StateJson is { } json)
            {
                try
                {
                    State = JsonSerializer.Deserialize<TState>(json, s_json) ?? new TState();
                    Version = _snapshot.State!.Version;
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Snapshot of {GrainId}/{Stream} at version {Version} cannot be read; replaying the whole stream instead",
                        activation.GrainId, streamName, _snapshot.State!.Version);
                    _replayProblems.Add(new JournalReplayProblem(null, ex.GetType().Name));
                    State = new TState();
                    Version = 0;
                }
            }
        }

        var snapshotVersion = Version;
        _lastSnapshotVersion = snapshotVersion;
        var history = State as IJournaledHistoryOf<TEvent>;
        var readFrom = history is not null && snapshotVersion > 0 ? Math.Max(0, snapshotVersion - history.HistoryEvents) : snapshotVersion;
        foreach (var stored in await log.ReadAsync(activation.GrainId, streamName, readFrom))
        {
            try
            {
                var @event = JsonSerializer.Deserialize<TEvent>(stored.PayloadJson, s_json)
                    ?? throw new JsonException("The event is empty.");
                if (stored.Version <= snapshotVersion)
                {
                    history!.ApplyHistory(@event);
                    continue;
                }

                State.Apply(@event);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Event {Version} of {GrainId}/{Stream} cannot be replayed; skipped so the grain still activates",
                    stored.Version, activation.GrainId, streamName);
                _replayProblems.Add(new JournalReplayProblem(stored.Version, ex.GetType().Name));
            }

            if (stored.Version > snapshotVersion)
            {
                Version = stored.Version;
            }
        }

        ConfirmedVersion = Version;
    }

    public void Raise(params TEvent[] events)
    {
        if (_failure is not null)
        {
            throw new InconsistentStateException($"{activation.GrainId} is stale and deactivating: {_failure.Message}");
        }

        var now = DateTimeOffset.UtcNow;
        foreach (var @event in events)
        {
            _pending.Add(new EventToAppend(@event.GetType().Name, @event is IOccurredAt timed ? timed.OccurredAt : now, JsonSerializer.Serialize(@event, s_json)));
            State.Apply(@event);
            Version++;
        }
    }

    public Task ConfirmAsync()
    {
        if (_failure is not null)
        {
            return Task.FromException(new InconsistentStateException($"{activation.GrainId} is stale and deactivating: {_failure.Message}"));
        }

        if (ConfirmedVersion >= Version)
        {
            return Task.CompletedTask;
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Add((Version, done));
        if (_flushing.IsCompleted)
        {
            _flushing = FlushAsync();
        }

        return done.Task;
    }

    private async Task FlushAsync()
    {
        while (_pending.Count > 0 && _failure is null)
        {
            var batch = _pending.ToList();
            _pending.Clear();
            try
            {
                await log.AppendAsync(activation.GrainId, streamName, ConfirmedVersion, batch);
            }
            catch (Exception ex)
            {
                Fail(ex);
                return;
            }

            ConfirmedVersion += batch.Count;
            CompleteWaiters();
            await SnapshotIfDueAsync();
        }
    }

    private void CompleteWaiters()
    {
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_waiters[i].Version <= ConfirmedVersion)
            {
                _waiters[i].Done.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }

    // The tentative state now holds decisions that will never be durable: nothing more may be decided here.
    private void Fail(Exception exception)
    {
        _failure = exception;
        var error = exception as InconsistentStateException
            ?? new InconsistentStateException($"Appending to {activation.GrainId}/{streamName} failed: {exception.Message}");
        foreach (var (_, done) in _waiters)
        {
            done.TrySetException(error);
        }

        _waiters.Clear();
        _pending.Clear();
        activation.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, $"Appending to {streamName} failed: {exception.Message}"));
    }

    private async Task SnapshotIfDueAsync()
    {
        // Only a fully confirmed state may be snapshotted: when decisions are pending, the first quiet moment after the
        // threshold does it (counted from the last snapshot, so a busy lot never skips one for good).
        if (snapshots is null || snapshotEvery <= 0 || _pending.Count > 0 || Version != ConfirmedVersion
            || ConfirmedVersion - _lastSnapshotVersion < snapshotEvery)
        {
            return;
        }

        var version = ConfirmedVersion;
        try
        {
            if (_refreshSnapshotETag)
            {
                // The last snapshot write failed, perhaps against a previous activation's late write: take the row's ETag again.
                await snapshots.ReadStateAsync(SnapshotName, activation.GrainId, _snapshot);
                _refreshSnapshotETag = false;
            }

            _snapshot.State = new JournalSnapshot { Version = version, StateJson = JsonSerializer.Serialize(State, s_json) };
            await snapshots.WriteStateAsync(SnapshotName, activation.GrainId, _snapshot);
        }
        catch (Exception ex)
        {
            // The log is the truth; a missing snapshot only makes the next activation replay more. Try again a full
            // interval later.
            _refreshSnapshotETag = true;
            logger.LogWarning(ex, "Snapshot of {GrainId}/{Stream} at version {Version} failed; replay covers it", activation.GrainId, streamName, version);
        }

        _lastSnapshotVersion = version;
    }
}
