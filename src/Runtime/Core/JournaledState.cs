using System.Text.Json;
using Microsoft.Extensions.Logging;
using ParkingGrains.Runtime.EventLog;
using ParkingGrains.Runtime.Storage;

namespace ParkingGrains.Runtime.Core;

internal sealed class JournaledState<TState, TEvent>(
    string streamName,
    IEventLogStorage log,
    IGrainStorage? snapshots,
    int snapshotEvery,
    ActivationData activation) : IJournaledState<TState, TEvent>, IPersistentStateLoader
    where TState : class, IJournaledStateOf<TEvent>, new()
    where TEvent : class
{
    private static readonly JsonSerializerOptions s_json = GrainStateSerializer.Default.Options;
    private readonly GrainState<JournalSnapshot> _snapshot = new(new JournalSnapshot());
    private bool _snapshotsBroken;

    public TState State { get; private set; } = new();

    public long Version { get; private set; }

    private string SnapshotName => $"{streamName}.snapshot";

    public async Task ReadStateAsync()
    {
        State = new TState();
        Version = 0;
        if (snapshots is not null)
        {
            await snapshots.ReadStateAsync(SnapshotName, activation.GrainId, _snapshot);
            if (_snapshot.RecordExists && _snapshot.State.StateJson is { } json)
            {
                State = JsonSerializer.Deserialize<TState>(json, s_json) ?? new TState();
                Version = _snapshot.State.Version;
            }
        }

        foreach (var stored in await log.ReadAsync(activation.GrainId, streamName, Version))
        {
            var @event = JsonSerializer.Deserialize<TEvent>(stored.PayloadJson, s_json)
                ?? throw new InvalidOperationException($"Event {stored.Version} of {activation.GrainId}/{streamName} is empty.");
            State.Apply(@event);
            Version = stored.Version;
        }
    }

    public async Task AppendAsync(params TEvent[] events)
    {
        if (events.Length == 0)
        {
            return;
        }

        if (activation.Runtime.IsKilled)
        {
            throw new InvalidOperationException($"Silo {activation.Silo} was killed; {activation.GrainId} cannot append events.");
        }

        var now = DateTimeOffset.UtcNow;
        var rows = events.Select(e => new EventToAppend(
            e.GetType().Name,
            e is IOccurredAt timed ? timed.OccurredAt : now,
            JsonSerializer.Serialize(e, s_json))).ToList();
        try
        {
            await log.AppendAsync(activation.GrainId, streamName, Version, rows);
        }
        catch (InconsistentStateException)
        {
            // Another activation moved the stream on: this one is stale and must not decide anything more.
            activation.StartDeactivation(DeactivationReason.ApplicationRequested);
            throw;
        }

        var before = Version;
        foreach (var @event in events)
        {
            State.Apply(@event);
        }

        Version += events.Length;
        if (snapshots is not null && snapshotEvery > 0 && !_snapshotsBroken && Version / snapshotEvery > before / snapshotEvery)
        {
            await WriteSnapshotAsync(snapshots);
        }
    }

    private async Task WriteSnapshotAsync(IGrainStorage storage)
    {
        _snapshot.State = new JournalSnapshot { Version = Version, StateJson = JsonSerializer.Serialize(State, s_json) };
        try
        {
            await storage.WriteStateAsync(SnapshotName, activation.GrainId, _snapshot);
        }
        catch (Exception ex)
        {
            // The log is the truth; a missing snapshot only makes the next activation replay more.
            _snapshotsBroken = true;
            activation.Runtime.Logger.LogWarning(ex, "Snapshot of {GrainId}/{Stream} at version {Version} failed; replay covers it", activation.GrainId, streamName, Version);
        }
    }
}
