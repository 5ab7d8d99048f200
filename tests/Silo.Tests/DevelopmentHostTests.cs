using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.Silo.Tests;

/// <summary>What ./run.sh starts: one silo with SQLite and the co-hosted web API, printing its URL.</summary>
public sealed class DevelopmentHostTests
{
    [Fact]
    public async Task DevelopmentSilo_PrintsItsUrl_ServesTheWebHost_AndHasTheDemoLots()
    {
        using var folder = new TempFolder();
        var webPort = PortAllocator.Next();
        await using var silo = await HostProcess.StartSiloAsync("dev", DevelopmentSettings(folder, webPort), readyText: "ParkingGrains is running");

        Assert.Contains($"ParkingGrains is running: http://127.0.0.1:{webPort}", silo.Output);
        using var http = new HttpClient();
        using var health = await http.GetAsync(new Uri($"http://127.0.0.1:{webPort}/api/health"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"activeSilos\":1", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var client = await ClusterClients.ConnectStaticAsync("parkinggrains", silo.Gateway);

        // The seeder configures the lots shortly after start.
        var saigon = await Eventually.ReturnsAsync(() => client.Client().GetGrain<ILotGrain>("demo-saigon").GetStatus(), s => s.Configured, TimeSpan.FromSeconds(30), "demo-saigon is seeded");
        var berlin = await Eventually.ReturnsAsync(() => client.Client().GetGrain<ILotGrain>("demo-berlin").GetStatus(), s => s.Configured, TimeSpan.FromSeconds(30), "demo-berlin is seeded");
        Assert.Equal(300, saigon.Classes.Values.Sum(c => c.Total));
        Assert.Equal(20, berlin.Classes.Values.Sum(c => c.Total));
        await client.StopAsync();
    }

    [Fact]
    public async Task DevelopmentSilo_StoppedAndStartedAgainOnTheSameSqliteFile_KeepsAnEntryMadeBefore()
    {
        using var folder = new TempFolder();
        var webPort = PortAllocator.Next();
        var settings = DevelopmentSettings(folder, webPort);
        var plate = $"R{Guid.NewGuid():N}"[..8].ToUpperInvariant();
        var eventId = $"restart-{Guid.NewGuid():N}";
        string sessionId;

        await using (var silo = await HostProcess.StartSiloAsync("dev", settings, readyText: "ParkingGrains is running"))
        {
            using var api = await RestApi.ConnectAsync($"http://127.0.0.1:{webPort}", activeSilos: 1);
            // The gates of the demo lots are assigned when the seeder configures demo-berlin.
            var entry = await Eventually.ReturnsAsync(() => api.EnterAsync("ber-in", eventId, plate), e => e.GetProperty("allowed").GetBoolean(), TimeSpan.FromSeconds(30), "the entry at ber-in is allowed");
            sessionId = entry.GetProperty("sessionId").GetString()!;
            Assert.Contains(sessionId, SessionIds(await api.SessionsAsync("demo-berlin")));
            await silo.StopGracefullyAsync(TimeSpan.FromSeconds(30));
        }

        await using (var restarted = await HostProcess.StartSiloAsync("dev", settings, readyText: "ParkingGrains is running"))
        {
            using var api = await RestApi.ConnectAsync($"http://127.0.0.1:{webPort}", activeSilos: 1);
            var sessions = await api.SessionsAsync("demo-berlin");
            Assert.Contains(sessionId, SessionIds(sessions));

            // The same event again is answered with the first decision, not a second session.
            var repeat = await api.EnterAsync("ber-in", eventId, plate);
            Assert.Equal(sessionId, repeat.GetProperty("sessionId").GetString());
            Assert.Single(SessionIds(await api.SessionsAsync("demo-berlin")), id => id == sessionId);
        }
    }

    internal static Dictionary<string, string> DevelopmentSettings(TempFolder folder, int webPort) => new()
    {
        ["Cluster:Membership"] = "Localhost",
        ["Storage:Provider"] = "Sqlite",
        ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(folder.Path, "parkinggrains.db")}",
        ["Web:Enabled"] = "true",
        ["Web:Urls"] = $"http://127.0.0.1:{webPort}",
        ["Seed:DemoLots"] = "true",
        ["Auth:AdminPassword"] = RestApi.AdminPassword,
        ["Auth:KeysPath"] = Path.Combine(folder.Path, "keys"),
    };

    private static List<string> SessionIds(JsonElement sessions) =>
        sessions.EnumerateArray().Select(s => s.GetProperty("sessionId").GetString()!).ToList();
}
