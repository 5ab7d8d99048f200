namespace ParkingGrains.Runtime.Storage;

/// <summary>
/// In-process grain storage with the same ETag semantics as the SQL providers. State is kept as JSON so a grain
/// can never mutate what is "stored". One instance can be shared by several silos in a process to simulate a cluster.
/// </summary>
public sealed class MemoryGrainStorage(GrainStateSerializer? serializer = null) : IGrainStorage
{
    private readonly GrainStateSerializer _serializer = serializer ?? GrainStateSerializer.Default;
    private readonly Dictionary<(string Type, string Key, string State), (string? Payload, long Version)> _rows = [];
    private readonly Lock _lock = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        (string? Payload, long Version) row;
        bool found;
        lock (_lock)
        {
            found = _rows.TryGetValue((grainId.Type, grainId.Key, stateName), out row);
        }

        grainState.State = found && row.Payload is not null ? _serializer.Deserialize<T>(row.Payload) : GrainStateSerializer.CreateDefault<T>();
        grainState.ETag = found ? GrainStorageETag.Format(row.Version) : null;
        grainState.RecordExists = found && row.Payload is not null;
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var version = Apply(stateName, grainId, grainState.ETag, _serializer.Serialize(grainState.State));
        grainState.ETag = GrainStorageETag.Format(version);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var version = Apply(stateName, grainId, grainState.ETag, payload: null);
        grainState.State = GrainStateSerializer.CreateDefault<T>();
        grainState.ETag = GrainStorageETag.Format(version);
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private long Apply(string stateName, GrainId grainId, string? eTag, string? payload)
    {
        var expected = GrainStorageETag.Parse(eTag, grainId, stateName);
        var key = (grainId.Type, grainId.Key, stateName);
        lock (_lock)
        {
            var found = _rows.TryGetValue(key, out var row);
            if (found ? row.Version != expected : expected is not null)
            {
                throw new InconsistentStateException(
                    $"State '{stateName}' of {grainId} is at version {(found ? GrainStorageETag.Format(row.Version) : "none")}, not {eTag ?? "none"}.",
                    found ? GrainStorageETag.Format(row.Version) : null,
                    eTag);
            }

            var version = (expected ?? 0) + 1;
            _rows[key] = (payload, version);
            return version;
        }
    }
}
