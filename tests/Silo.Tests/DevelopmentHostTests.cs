using System.Net;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Runtime.Client;

namespace ParkingGrains.Silo.Tests;

/// <summary>What ./run.sh starts: one silo with SQLite and the co-hosted web API, printing its URL.</summary>
public sealed class DevelopmentHostTests
{
    [Fact]
    public async Task DevelopmentSilo_PrintsItsUrl_ServesTheWebHost_AndHasTheDemoLots()
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
                ["Seed:DemoLots"] = "true",
            },
            readyText: "ParkingGrains is running");

        Assert.Contains($"ParkingGrains is running: http://127.0.0.1:{webPort}", silo.Output);
        using var http = new HttpClient();
        var health = await http.GetAsync($"http://127.0.0.1:{webPort}/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"activeSilos\":1", await health.Content.ReadAsStringAsync());

        var options = new ClusterClientOptions { ClusterId = "parkinggrains" };
        options.Gateways.Add(silo.Gateway);
        await using var client = new ClusterClient(options);
        await client.ConnectAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        LotStatus saigon, berlin;

        // The seeder configures the lots one after the other, shortly after start.
        while (!((saigon = await client.GetGrain<ILotGrain>("demo-saigon").GetStatus()).Configured
                 & (berlin = await client.GetGrain<ILotGrain>("demo-berlin").GetStatus()).Configured) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(saigon.Configured && berlin.Configured, $"the demo lots are seeded at start; silo output:\n{silo.Output}");
        Assert.Equal(300, saigon.Classes.Values.Sum(c => c.Total));
        Assert.Equal(20, berlin.Classes.Values.Sum(c => c.Total));
    }
}
