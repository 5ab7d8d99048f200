namespace ParkingGrains.Runtime;

/// <summary>Durable state injected into a grain; read before OnActivateAsync, written when the grain says so.</summary>
public interface IPersistentState<TState> : IGrainState<TState>
{
    Task ReadStateAsync();

    /// <summary>Writes the state. Throws <see cref="InconsistentStateException"/> when another writer got there first.</summary>
    Task WriteStateAsync();

    Task ClearStateAsync();
}
