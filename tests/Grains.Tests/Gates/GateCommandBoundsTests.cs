using ParkingGrains.TestSupport;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Validation;
using ParkingGrains.Grains.Tests.Infrastructure;

namespace ParkingGrains.Grains.Tests.Gates;

/// <summary>Issue 9, finding 9: barrier commands need a live agent and a bounded duration, and a refusal records nothing.</summary>
[Collection(BoundsCollection.Name)]
public sealed class GateCommandBoundsTests(BoundsClusterFixture fixture)
{
    [Fact]
    public async Task ACommandToAGateWithoutItsAgent_IsRefusedAsOffline_AndTheBarrierStaysAsItWas()
    {
        await fixture.Grains.ConfiguredLotAsync("G9", cars: 1);
        var gate = fixture.Grains.GetGrain<IGateGrain>("G9-in");

        var refused = await gate.Command(new GateCommand("open-1", GateCommandKind.Open, TimeSpan.FromSeconds(30), "bob", "delivery", DateTimeOffset.UtcNow));
        Assert.False(refused.Accepted);
        Assert.True(refused.GateOffline);
        Assert.Equal(BarrierState.Closed, refused.Barrier);
        var status = await gate.GetStatus();
        Assert.False(status.Online);
        Assert.Equal(BarrierState.Closed, status.Barrier);

        // Nothing was recorded: the same command id is decided afresh once the agent is back.
        await fixture.Grains.HeartbeatAsAgentAsync("G9-in");
        var opened = await gate.Command(new GateCommand("open-1", GateCommandKind.Open, TimeSpan.FromSeconds(30), "bob", "delivery", DateTimeOffset.UtcNow));
        Assert.True(opened.Accepted);
        Assert.False(opened.GateOffline);
        Assert.Equal(BarrierState.Open, (await gate.GetStatus()).Barrier);
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(0)]
    [InlineData(3601)]
    public async Task ADurationOutsideZeroToAnHour_IsRefused(int seconds)
    {
        await fixture.Grains.ConfiguredLotAsync("G10", cars: 1);
        var gate = fixture.Grains.GetGrain<IGateGrain>("G10-out");
        await fixture.Grains.HeartbeatAsAgentAsync("G10-out");

        var refused = await Assert.ThrowsAsync<InvalidCommandException>(() =>
            gate.Command(new GateCommand($"d{seconds}", GateCommandKind.Open, TimeSpan.FromSeconds(seconds), "bob", "test", DateTimeOffset.UtcNow)));
        Assert.Equal("durationSeconds", Assert.Single(refused.Problems).Field);
        Assert.Equal(BarrierState.Closed, (await gate.GetStatus()).Barrier);
    }

    [Fact]
    public async Task AHeartbeatWithoutAnAgentOrWithANonsenseRoundTrip_IsRefused_AndTheGateStaysOffline()
    {
        var gate = fixture.Grains.GetGrain<IGateGrain>("G11-in");
        Assert.Equal("agentId", Assert.Single((await Assert.ThrowsAsync<InvalidCommandException>(() => fixture.Grains.HeartbeatAsAgentAsync("G11-in", new GateHeartbeat(" ", DateTimeOffset.UtcNow, 1)))).Problems).Field);
        Assert.Equal("roundTripMilliseconds", Assert.Single((await Assert.ThrowsAsync<InvalidCommandException>(() => fixture.Grains.HeartbeatAsAgentAsync("G11-in", new GateHeartbeat("a", DateTimeOffset.UtcNow, double.NaN)))).Problems).Field);
        Assert.False((await gate.GetStatus()).Online);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative")]
    [InlineData("ftp://127.0.0.1/")]
    public async Task AHeartbeatWithALaneUiUrlThatIsNotHttp_IsRefused(string url)
    {
        var refused = await Assert.ThrowsAsync<InvalidCommandException>(() =>
            fixture.Grains.HeartbeatAsAgentAsync("G12-in", new GateHeartbeat("a", DateTimeOffset.UtcNow, 1, LaneUiUrl: url)));
        Assert.Equal("laneUiUrl", Assert.Single(refused.Problems).Field);
    }

    [Fact]
    public async Task TheLaneUiUrl_OfTheLastHeartbeat_IsInTheGatesStatus()
    {
        var gate = fixture.Grains.GetGrain<IGateGrain>("G13-in");
        await fixture.Grains.HeartbeatAsAgentAsync("G13-in", new GateHeartbeat("a", DateTimeOffset.UtcNow, 1, LaneUiUrl: "http://127.0.0.1:8090/"));
        Assert.Equal("http://127.0.0.1:8090/", (await gate.GetStatus()).LaneUiUrl);

        await fixture.Grains.HeartbeatAsAgentAsync("G13-in", new GateHeartbeat("a", DateTimeOffset.UtcNow, 1));
        Assert.Null((await gate.GetStatus()).LaneUiUrl);
    }
}
