using ParkingGrains.Runtime;
using ParkingGrains.Runtime.Storage;

namespace ParkingGrains.Runtime.Testing;

/// <summary>In-memory grain storage whose next write fails (before storing anything) when a test asks for it, like a database outage.</summary>
public sealed class FailingGrainStorage : IGrainStorage
{
    private readonly MemoryGrainStorage _inner = new();
    private int _failNext;

    public void FailNextWrite() => Volatile.Write(ref _failNext, 1);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => _inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Interlocked.Exchange(ref _failNext, 0) == 1
            ? Task.FromException(new TimeoutException("The database did not answer (injected)."))
            : _inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => _inner.ClearStateAsync(stateName, grainId, grainState);
}
