namespace ParkingGrains.Storage.Tests.PostgreSql.TestGrains;

public sealed class PingGrain : Grain, IPingGrain
{
    public Task<string> PingAsync() => Task.FromResult(RuntimeIdentity);
}
