namespace ParkingGrains.Storage.GrainState;

/// <summary>
/// What the SQL grain storages share: turning a stored row (payload, version) into the grain's state envelope,
/// and a write or clear into a versioned <see cref="PendingWrite"/> for the engine's group commit.
/// </summary>
internal static class GrainStateRows
{
    /// <summary>A missing row has no ETag; a cleared row keeps its version so a stale writer cannot resurrect it.</summary>
    public static void Populate<T>(IGrainState<T> grainState, GrainStateSerializer serializer, string? payload, long? version)
    {
        grainState.State = payload is null ? GrainStateSerializer.CreateDefault<T>() : serializer.Deserialize<T>(payload);
        grainState.ETag = version is { } v ? GrainStorageETag.Format(v) : null;
        grainState.RecordExists = payload is not null;
    }

    public static async Task WriteAsync<T>(Func<PendingWrite, Task<long>> commit, GrainStateSerializer serializer, string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var expected = GrainStorageETag.Parse(grainState.ETag, grainId, stateName);
        var payload = serializer.Serialize(grainState.State);
        var version = await commit(new PendingWrite(grainId.Type.ToString(), grainId.Key.ToString(), stateName, payload, expected)).ConfigureAwait(false);
        grainState.ETag = GrainStorageETag.Format(version);
        grainState.RecordExists = true;
    }

    public static async Task ClearAsync<T>(Func<PendingWrite, Task<long>> commit, string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var expected = GrainStorageETag.Parse(grainState.ETag, grainId, stateName);
        var version = await commit(new PendingWrite(grainId.Type.ToString(), grainId.Key.ToString(), stateName, payload: null, expected)).ConfigureAwait(false);
        grainState.State = GrainStateSerializer.CreateDefault<T>();
        grainState.ETag = GrainStorageETag.Format(version);
        grainState.RecordExists = false;
    }
}
