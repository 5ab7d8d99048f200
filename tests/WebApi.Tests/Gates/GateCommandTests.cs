using ParkingGrains.TestSupport;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.WebApi.Tests.Admin;
using ParkingGrains.WebApi.Tests.Infrastructure;

namespace ParkingGrains.WebApi.Tests.Gates;

/// <summary>Barrier commands: bounded durations, and a gate without its agent refuses them (409) instead of showing Open.</summary>
[Collection(ApiCollection.Name)]
public sealed class GateCommandTests(ApiFixture fixture)
{
    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    [InlineData(3601)]
    [InlineData(int.MaxValue)]
    public async Task ADurationOutOfBounds_Is400NamingIt(int seconds)
    {
        using var admin = await fixture.AsAdminAsync();
        var gateId = $"{await AdminApi.CreateLotAsync(admin, prefix: "cmd")}-out";
        await OnlineAsync(gateId);

        var response = await admin.PostAsJsonAsync($"/api/gates/{gateId}/commands", Open(seconds));

        var problem = await AdminApi.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("durationSeconds", out _), problem.ToString());
        Assert.Equal(BarrierState.Closed, await BarrierAsync(gateId));
    }

    [Fact]
    public async Task AGateWithoutItsAgent_RefusesCommandsWith409_AndStaysClosed()
    {
        using var admin = await fixture.AsAdminAsync();
        var gateId = $"{await AdminApi.CreateLotAsync(admin, prefix: "cmd")}-out";

        var response = await admin.PostAsJsonAsync($"/api/gates/{gateId}/commands", Open(30));

        var problem = await AdminApi.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("GateOffline", problem.GetProperty("reason").GetString());
        Assert.Equal(BarrierState.Closed, await BarrierAsync(gateId));
    }

    [Fact]
    public async Task AGateWithItsAgentOnline_Opens()
    {
        using var admin = await fixture.AsAdminAsync();
        var gateId = $"{await AdminApi.CreateLotAsync(admin, prefix: "cmd")}-out";
        await OnlineAsync(gateId);

        var response = await admin.PostAsJsonAsync($"/api/gates/{gateId}/commands", Open(3600));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(BarrierState.Open, await BarrierAsync(gateId));
    }

    private static object Open(int seconds) => new { eventId = $"cmd-{Guid.NewGuid():N}", kind = "Open", durationSeconds = seconds, reason = "ambulance" };

    // The agent's heartbeat reaches the gate grain over the cluster client, as a real agent's does.
    private Task OnlineAsync(string gateId) =>
        fixture.Cluster.Client.HeartbeatAsAgentAsync(gateId);

    private async Task<BarrierState> BarrierAsync(string gateId) =>
        (await fixture.Cluster.Client.GetGrain<IGateGrain>(gateId).GetStatus()).Barrier;
}
