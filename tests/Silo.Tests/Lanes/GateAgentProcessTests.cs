using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ParkingGrains.Grains.Interfaces.Accounts;
using ParkingGrains.Grains.Interfaces.Cards;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.TestSupport;

namespace ParkingGrains.Silo.Tests.Lanes;

/// <summary>The gate agent as a real process: operator commands reach it and are acknowledged; killed (SIGKILL) with events in its outbox, it loses none of them.</summary>
public sealed class GateAgentProcessTests
{
    private const string Lot = "demo-saigon";
    private const string Gate = "sgn-in-1";

    [Fact]
    public async Task AnAgentKilledWithAPendingOutbox_ReplaysEveryEventOnce_AfterItAndTheClusterAreBack()
    {
        using var folder = new TempFolder();
        var settings = DevelopmentHostTests.DevelopmentSettings(folder, PortAllocator.Next());
        var (siloPort, gatewayPort) = (PortAllocator.Next(), PortAllocator.Next());
        var silo = await HostProcess.StartSiloAsync("agent-crash", settings, siloPort, gatewayPort, readyText: "ParkingGrains is running");
        HostProcess? agent = null;
        try
        {
            using var admin = await ClusterClients.ConnectStaticAsync("parkinggrains", silo.Gateway);
            var grains = admin.Services.GetRequiredService<IClusterClient>();
            await Eventually.ReturnsAsync(() => grains.GetGrain<ILotGrain>(Lot).GetStatus(), s => s.Configured, TimeSpan.FromSeconds(30), "the demo lot is seeded");
            var cards = Enumerable.Range(1, 5).Select(i => $"crash-card-{i}").ToList();
            var now = DateTimeOffset.UtcNow;
            foreach (var card in cards)
            {
                await grains.GetGrain<ICardGrain>(card).Configure(new CardDefinition(card, CardKind.Visitor, "Driver", [], [Lot], now.AddDays(-1), now.AddDays(30), 0));
            }

            var (key, hash) = GateKeys.NewKey();
            await grains.GetGrain<IGateKeyGrain>(Gate).Install(new GateKeyInstall(GateKeys.NewKeyId(), hash, now));
            var journal = Path.Combine(folder.Path, "lane.db");
            var cardPort = PortAllocator.Next();
            var agentSettings = new Dictionary<string, string>
            {
                ["Lane:GateId"] = Gate,
                ["Lane:Key"] = key,
                ["Lane:Gateways"] = $"127.0.0.1:{gatewayPort}",
                ["Lane:JournalPath"] = journal,
                ["Lane:CardReaderPort"] = cardPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Lane:HeartbeatInterval"] = "00:00:00.5",
                ["Lane:CacheRefreshInterval"] = "00:00:01",
                ["Lane:ReceiptFolder"] = Path.Combine(folder.Path, "receipts"),
            };
            agent = await HostProcess.StartGateAgentAsync("agent", agentSettings);

            // Online, with the cards in its cache.
            await Eventually.ReturnsAsync(() => grains.GetGrain<IGateGrain>(Gate).GetStatus(), s => s.Online, TimeSpan.FromSeconds(30), "the agent heartbeats");
            await Eventually.ReturnsAsync(() => Task.FromResult(CachedText(journal)), c => cards.All(card => c.Contains(card, StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "the agent cached the cards");

            await silo.KillAsync();
            await TapAsync(cardPort, cards);

            await Eventually.ReturnsAsync(() => Task.FromResult(OutboxLength(journal)), n => n == cards.Count, TimeSpan.FromSeconds(30), "five offline entries are in the outbox");
            await agent.KillAsync();
            await agent.DisposeAsync();

            silo = await HostProcess.StartSiloAsync("agent-crash", settings, siloPort, gatewayPort, readyText: "ParkingGrains is running");
            agent = await HostProcess.StartGateAgentAsync("agent", agentSettings);
            using var again = await ClusterClients.ConnectStaticAsync("parkinggrains", silo.Gateway);
            var lot = again.Services.GetRequiredService<IClusterClient>().GetGrain<ILotGrain>(Lot);
            await Eventually.ReturnsAsync(() => Task.FromResult(OutboxLength(journal)), n => n == 0, TimeSpan.FromSeconds(90), "the restarted agent replayed its outbox");
            var inside = await lot.GetActiveSessions(null);
            Assert.All(cards, card => Assert.Single(inside, s => s.CardId == card));
        }
        finally
        {
            if (agent is not null)
            {
                await agent.DisposeAsync();
            }

            await silo.DisposeAsync();
        }
    }

    // One connection, one card id per line, as a reader wired to the agent sends them.
    [Fact]
    public async Task AnOperatorCommand_ReachesTheAgentProcess_AndIsAcknowledgedWithTheBarrierItReached()
    {
        using var folder = new TempFolder();
        await using var silo = await HostProcess.StartSiloAsync("agent-command", DevelopmentHostTests.DevelopmentSettings(folder, PortAllocator.Next()), readyText: "ParkingGrains is running");
        using var admin = await ClusterClients.ConnectStaticAsync("parkinggrains", silo.Gateway);
        var grains = admin.Services.GetRequiredService<IClusterClient>();
        await Eventually.ReturnsAsync(() => grains.GetGrain<ILotGrain>(Lot).GetStatus(), s => s.Configured, TimeSpan.FromSeconds(30), "the demo lot is seeded");
        var (key, hash) = GateKeys.NewKey();
        await grains.GetGrain<IGateKeyGrain>(Gate).Install(new GateKeyInstall(GateKeys.NewKeyId(), hash, DateTimeOffset.UtcNow));
        await using var agent = await HostProcess.StartGateAgentAsync("agent", new Dictionary<string, string>
        {
            ["Lane:GateId"] = Gate,
            ["Lane:Key"] = key,
            ["Lane:Gateways"] = $"127.0.0.1:{silo.GatewayPort}",
            ["Lane:JournalPath"] = Path.Combine(folder.Path, "lane.db"),
            ["Lane:CardReaderPort"] = "0",
            ["Lane:HeartbeatInterval"] = "00:00:00.5",
            ["Lane:ReceiptFolder"] = Path.Combine(folder.Path, "receipts"),
        });
        var gate = grains.GetGrain<IGateGrain>(Gate);
        await Eventually.ReturnsAsync(() => gate.GetStatus(), s => s.Online, TimeSpan.FromSeconds(30), "the agent heartbeats");

        var result = await gate.Command(new GateCommand("op-hold-1", GateCommandKind.HoldOpen, null, "test-operator", "delivery", DateTimeOffset.UtcNow));
        Assert.True(result.Accepted, result.ReasonText);
        var status = await Eventually.ReturnsAsync(() => gate.GetStatus(), s => s.PendingCommandId is null, TimeSpan.FromSeconds(20), "the agent acknowledges the command");
        Assert.Equal(BarrierState.HeldOpen, status.AgentBarrier);
        Assert.Contains("Operator command op-hold-1 (HoldOpen)", agent.Output, StringComparison.Ordinal);

        await gate.Command(new GateCommand("op-close-1", GateCommandKind.Close, null, "test-operator", "done", DateTimeOffset.UtcNow));
        status = await Eventually.ReturnsAsync(() => gate.GetStatus(), s => s.PendingCommandId is null, TimeSpan.FromSeconds(20), "the agent acknowledges the close");
        Assert.NotEqual(BarrierState.HeldOpen, status.AgentBarrier);
    }

    private static async Task TapAsync(int port, IEnumerable<string> cards)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(string.Concat(cards.Select(c => c + "\n"))));
    }

    private static int OutboxLength(string journal) => Convert.ToInt32(Query(journal, "SELECT COUNT(*) FROM outbox") ?? 0, System.Globalization.CultureInfo.InvariantCulture);

    private static string CachedText(string journal) => Query(journal, "SELECT json FROM cache WHERE id = 1") as string ?? "";

    // Read-only beside the running agent (WAL allows readers while it writes).
    private static object? Query(string journal, string sql)
    {
        if (!File.Exists(journal))
        {
            return null;
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = journal, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            return command.ExecuteScalar();
        }
        catch (SqliteException)
        {
            return null;
        }
    }
}
