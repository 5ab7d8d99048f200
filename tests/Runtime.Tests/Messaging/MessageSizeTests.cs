using ParkingGrains.Runtime.Tests.Infrastructure;
using ParkingGrains.TestGrains;

namespace ParkingGrains.Runtime.Tests.Messaging;

public sealed class MessageSizeTests
{
    [Fact]
    public async Task ACallAboveTheMaximumMessageSize_FailsClearly_AndTheConnectionKeepsWorking()
    {
        await using var cluster = await Clusters.StartAsync(silos: 1);
        await using var client = await cluster.ConnectClientAsync(o => o.MaxMessageSize = 64 * 1024);
        var grain = client.GetGrain<IStatefulGrain>("big");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Append(new string('x', 100_000)));

        Assert.Contains("maximum message size", error.Message);
        Assert.Equal(1, await grain.Append("small"));
    }
}
