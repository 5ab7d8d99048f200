namespace ParkingGrains.Storage.Tests.PostgreSql.TestGrains;

public sealed class JsonStateGrain([PersistentState("jsonTest", "Default")] IPersistentState<JsonTestState> state) : Grain, IJsonStateGrain
{
    public Task SetAsync(string name, int count, JsonTestColor color)
    {
        state.State.Name = name;
        state.State.Count = count;
        state.State.Color = color;
        return state.WriteStateAsync();
    }

    public Task<string> GetNameAsync() => Task.FromResult(state.State.Name);

    public Task<int> GetCountAsync() => Task.FromResult(state.State.Count);

    public Task<JsonTestColor> GetColorAsync() => Task.FromResult(state.State.Color);

    public Task ClearAsync() => state.ClearStateAsync();
}
