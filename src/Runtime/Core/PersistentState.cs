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
        return DeactivateOnFailureAsync(storage.WriteStateAsync(stateName, activation.GrainId, this));
    }

    public Task ClearStateAsync()
    {
        ThrowIfKilled();
        return DeactivateOnFailureAsync(storage.ClearStateAsync(stateName, activation.GrainId, this));
    }

    // A grain changes State and then writes it: when the write fails (a conflict, or an outcome we cannot know) the
    // memory holds a change storage may not have, and a retried call must not build on it. As in Orleans, the
    // activation goes once the current call is done, and the next call reads what storage really holds.
    private async Task DeactivateOnFailureAsync(Task write)
    {
        try
        {
            await write;
        }
        catch
        {
            activation.StartDeactivation(DeactivationReason.StateWriteFailed);
            throw;
        }
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
