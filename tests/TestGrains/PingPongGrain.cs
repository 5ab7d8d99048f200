using ParkingGrains.Runtime;

namespace ParkingGrains.TestGrains;

public sealed class PingPongGrain : Grain, IPingPongGrain
{
    public Task<string> Ping(string otherKey) => GrainFactory.GetGrain<IPingPongGrain>(otherKey).PingBack(this.GetPrimaryKeyString());

    public Task<string> PingBack(string callerKey) => GrainFactory.GetGrain<IPingPongGrain>(callerKey).Hello();

    public Task<string> Hello() => Task.FromResult($"hello from {this.GetPrimaryKeyString()}");
}
