using System.Net;

namespace ParkingGrains.Silo.Tests;

/// <summary>What ./run.sh starts: one silo with SQLite and the co-hosted web API, printing its URL.</summary>
public sealed class DevelopmentHostTests
{
    [Fact]
    public async Task DevelopmentSilo_PrintsItsUrl_AndServesTheWebHost()
    {
        var database = Path.Combine(Path.GetTempPath(), $"pg-{Guid.NewGuid():N}.db");
        var webPort = SiloPortAllocator.Next();
        await using var silo = await SiloProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["Cluster:Membership"] = "InProcess",
                ["Storage:Provider"] = "Sqlite",
                ["ConnectionStrings:Sqlite"] = $"Data Source={database}",
                ["Web:Enabled"] = "true",
                ["Web:Urls"] = $"http://127.0.0.1:{webPort}",
            },
            readyText: "ParkingGrains is running");

        Assert.Contains($"ParkingGrains is running: http://127.0.0.1:{webPort}", silo.Output);
        using var http = new HttpClient();
        var health = await http.GetAsync($"http://127.0.0.1:{webPort}/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"activeSilos\":1", await health.Content.ReadAsStringAsync());
    }
}
