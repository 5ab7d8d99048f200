using ParkingGrains.Runtime;

namespace ParkingGrains.TestGrains;

public sealed class StatefulGrain([PersistentState("values")] IPersistentState<StatefulGrainState> state) : Grain, IStatefulGrain
{
    public async Task<int> Append(string value)
    {
        // Idempotent by value, so a resend after a silo death does not append twice.
        if (!state.State.Values.Contains(value))
        {
            state.State.Values.Add(value);
            await state.WriteStateAsync();
        }

        return state.State.Values.Count;
    }

    public Task<IReadOnlyList<string>> GetValues() => Task.FromResult<IReadOnlyList<string>>(state.State.Values.ToList());

    public Task<string?> GetETag() => Task.FromResult(state.ETag);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<string> GetSilo() => Task.FromResult(GrainContext.Silo.ToString());
}
