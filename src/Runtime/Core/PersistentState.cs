using ParkingGrains.Runtime.Storage;

namespace ParkingGrains.Runtime.Core;

internal sealed class PersistentState<TState>(string stateName, IGrainStorage storage, ActivationData activation)
    : IPersistentState<TState>, IPersistentStateLoader
{
    public TState State { get; set; } = CreateDefault();

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }

    public Task ReadStateAsync() => storage.ReadStateAsync(stateName, activation.GrainId, this);

    public Task WriteStateAsync()
    {
        ThrowIfKilled();
        return storage.WriteStateAsync(stateName, activation.GrainId, this);
    }

    public Task ClearStateAsync()
    {
        ThrowIfKilled();
        return storage.ClearStateAsync(stateName, activation.GrainId, this);
    }

    private static TState CreateDefault() =>
        typeof(TState).GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance<TState>() : default!;

    // An in-process test "crash" cannot stop code already running; refusing its writes is what a dead process does.
    private void ThrowIfKilled()
    {
        if (activation.Runtime.IsKilled)
        {
            throw new InvalidOperationException($"Silo {activation.Silo} was killed; {activation.GrainId} cannot write state.");
        }
    }
}
