using System.Globalization;
using Orleans.Storage;
using ParkingGrains.Storage.GrainState;

namespace ParkingGrains.Grains.Tests.Infrastructure;

/// <summary>
/// Grain storage in memory that every silo of a test cluster shares, and that a later cluster may be given, so state
/// outlives stopped and killed silos as it does in a database (Orleans' memory storage keeps state in grains, which
/// die with their silo). State is stored as JSON, as the SQL providers store it, so no activation shares objects with
/// another. ETags are row versions; a cleared row keeps its version, so a stale writer cannot bring it back.
/// </summary>
public sealed class SharedGrainStorage : IGrainStorage
{
    private readonly Dictionary<(string State, GrainId Grain), (string? Json, long Version)> _rows = [];
    private readonly HashSet<GrainId> _failNextWrite = [];
    private readonly Lock _lock = new();

    /// <summary>The next write of <paramref name="grainId"/> fails before storing anything, like a database that did not answer.</summary>
    public void FailNextWrite(GrainId grainId)
    {
        lock (_lock)
        {
            _failNextWrite.Add(grainId);
        }
    }

    /// <summary>Replaces a row's JSON as it is stored, e.g. with what an older version wrote or a damaged one.</summary>
    public void OverwriteJson(string stateName, GrainId grainId, string json)
    {
        lock (_lock)
        {
            var version = _rows.TryGetValue((stateName, grainId), out var row) ? row.Version : 0;
            _rows[(stateName, grainId)] = (json, version + 1);
        }
    }

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        lock (_lock)
        {
            if (_rows.TryGetValue((stateName, grainId), out var row))
            {
                grainState.State = row.Json is null ? GrainStateSerializer.CreateDefault<T>() : GrainStateSerializer.Default.Deserialize<T>(row.Json);
                grainState.ETag = Format(row.Version);
                grainState.RecordExists = row.Json is not null;
            }
            else
            {
                grainState.State = GrainStateSerializer.CreateDefault<T>();
                grainState.ETag = null;
                grainState.RecordExists = false;
            }
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        lock (_lock)
        {
            if (_failNextWrite.Remove(grainId))
            {
                return Task.FromException(new TimeoutException("The database did not answer (injected)."));
            }

            var version = NextVersion(stateName, grainId, grainState.ETag);
            _rows[(stateName, grainId)] = (GrainStateSerializer.Default.Serialize(grainState.State), version);
            grainState.ETag = Format(version);
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        lock (_lock)
        {
            var version = NextVersion(stateName, grainId, grainState.ETag);
            _rows[(stateName, grainId)] = (null, version);
            grainState.State = GrainStateSerializer.CreateDefault<T>();
            grainState.ETag = Format(version);
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    private static string Format(long version) => version.ToString(CultureInfo.InvariantCulture);

    // Called under the lock: the version after this write, or a conflict when the caller's ETag is not the stored one.
    private long NextVersion(string stateName, GrainId grainId, string? eTag)
    {
        var stored = _rows.TryGetValue((stateName, grainId), out var row) ? Format(row.Version) : null;
        if (stored != eTag)
        {
            throw new InconsistentStateException($"State '{stateName}' of {grainId} is at ETag '{stored}', not '{eTag}'.", stored, eTag);
        }

        return row.Version + 1;
    }
}
