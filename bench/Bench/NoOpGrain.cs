namespace ParkingGrains.Bench;

public sealed class NoOpGrain : Grain, INoOpGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value);
}
