namespace ParkingGrains.Bench;

/// <summary>Persists before acknowledging, like every parking decision.</summary>
public sealed class CounterStoreGrain([PersistentState("counter", "Default")] IPersistentState<CounterStoreState> state) : Grain, ICounterStoreGrain
{
    public async Task<long> Store(long value)
    {
        state.State.Value = value;
        await state.WriteStateAsync();
        return value;
    }
}
