namespace ParkingGrains.Runtime.Storage;

/// <summary>
/// Durable grain state, as in Orleans: rows keyed by (service, grain type, grain key, state name), JSON payload,
/// and an optimistic version. Writes with a stale <see cref="IGrainState{T}.ETag"/> throw
/// <see cref="InconsistentStateException"/>; a first insert (ETag null) succeeds only once.
/// </summary>
public interface IGrainStorage
{
    Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    /// <summary>Clears the state but keeps the version moving forward, so a stale writer cannot resurrect it.</summary>
    Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);
}
