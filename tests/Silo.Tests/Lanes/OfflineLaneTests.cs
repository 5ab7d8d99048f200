using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ParkingGrains.GateAgent.Cluster;
using ParkingGrains.GateAgent.Journal;
using ParkingGrains.GateAgent.Lane;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Accounts;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.TestSupport;

namespace ParkingGrains.Silo.Tests.Lanes;

/// <summary>
/// Two lanes of the demo lot in Saigon against a real silo process: the silo is killed, the lanes go on deciding on their
/// own (one of them is restarted meanwhile), the silo comes back on the same data, and the outboxes are replayed.
/// </summary>
public sealed class OfflineLaneTests
{
    private const string Lot = "demo-saigon";

    [Fact]
    public async Task ClusterDown_FiftyEntriesAndExits_ClusterBack_EveryEventAppliedExactlyOnce_TheCountsExact_AndAConflictIsAnAlert()
    {
        using var folder = new TempFolder();
        var settings = DevelopmentHostTests.DevelopmentSettings(folder, PortAllocator.Next());
        var (siloPort, gatewayPort) = (PortAllocator.Next(), PortAllocator.Next());
        var silo = await HostProcess.StartSiloAsync("lanes", settings, siloPort, gatewayPort, readyText: "ParkingGrains is running");
        try
        {
            using var admin = await ClusterClients.ConnectStaticAsync("parkinggrains", silo.Gateway);
            var grains = admin.Services.GetRequiredService<IClusterClient>();
            await Eventually.ReturnsAsync(() => grains.GetGrain<ILotGrain>(Lot).GetStatus(), s => s.Configured, TimeSpan.FromSeconds(30), "the demo lot is seeded");
            var entryKey = await InstallKeyAsync(grains, "sgn-in-1");
            var exitKey = await InstallKeyAsync(grains, "sgn-out-1");

            var entry = new TestLane(Options("sgn-in-1", entryKey, silo, folder));
            var exit = new TestLane(Options("sgn-out-1", exitKey, silo, folder));
            await entry.ConnectAsync();
            await exit.ConnectAsync();

            // Online: 25 cars come in through the cluster.
            var before = await grains.GetGrain<ILotGrain>(Lot).GetStatus();
            var early = Enumerable.Range(1, 25).Select(i => $"51F-{i:000}.01").ToList();
            foreach (var plate in early)
            {
                var decision = await entry.Controller.EnterAsync(plate, null, VehicleClass.Car, CancellationToken.None);
                Assert.True(decision.Open && !decision.Offline, decision.Message);
            }

            await exit.Controller.RefreshCacheAsync(CancellationToken.None);
            await entry.Controller.RefreshCacheAsync(CancellationToken.None);
            Assert.Equal(25, exit.Controller.Cache!.Stays.Count(s => early.Contains(s.Plate!)));

            // The cluster is gone: 25 new cars in, the 25 early ones out, all decided by the lanes.
            await silo.KillAsync();
            var late = Enumerable.Range(1, 25).Select(i => $"30A-{i:0000}").ToList();
            foreach (var plate in late.Take(10))
            {
                var decision = await entry.Controller.EnterAsync(plate, null, VehicleClass.Car, CancellationToken.None);
                Assert.True(decision.Open && decision.Offline, decision.Message);
            }

            // The entry lane is restarted while offline: its outbox and cache come back from its journal.
            await entry.DisposeAsync();
            entry = new TestLane(Options("sgn-in-1", entryKey, silo, folder));
            Assert.Equal(10, entry.Journal.OutboxLength);
            foreach (var plate in late.Skip(10))
            {
                var decision = await entry.Controller.EnterAsync(plate, null, VehicleClass.Car, CancellationToken.None);
                Assert.True(decision.Open && decision.Offline, decision.Message);
            }

            var refusedTwice = await entry.Controller.EnterAsync(late[0], null, VehicleClass.Car, CancellationToken.None);
            Assert.False(refusedTwice.Open, "a plate the lane let in offline is inside (the lot's policy is Deny)");
            foreach (var plate in early)
            {
                var decision = await exit.Controller.ExitAsync(plate, null, null, CancellationToken.None);
                Assert.True(decision.Open && decision.Offline, decision.Message);
            }

            Assert.Equal(25, entry.Journal.OutboxLength);
            Assert.Equal(25, exit.Journal.OutboxLength);

            // The silo comes back on the same data; the lanes replay in order.
            silo = await HostProcess.StartSiloAsync("lanes", settings, siloPort, gatewayPort, readyText: "ParkingGrains is running");
            using var again = await ClusterClients.ConnectStaticAsync("parkinggrains", silo.Gateway);
            grains = again.Services.GetRequiredService<IClusterClient>();
            var lot = grains.GetGrain<ILotGrain>(Lot);
            var queued = entry.Journal.Pending().Concat(exit.Journal.Pending()).ToList();

            // Meanwhile the cluster admitted one of the plates the lane let in offline (an operator's manual entry, say):
            // its replay is a conflict, which must become an alert, not a second stay.
            var manual = await lot.Enter(new EntryCommand($"manual-{Guid.NewGuid():N}", "sgn-in-1", late[0], null, VehicleClass.Car, DateTimeOffset.UtcNow));
            Assert.True(manual.Allowed, manual.ReasonText);

            await Eventually.ReturnsAsync(async () =>
            {
                await TryReplayAsync(entry);
                await TryReplayAsync(exit);
                return entry.Journal.OutboxLength + exit.Journal.OutboxLength;
            }, n => n == 0, TimeSpan.FromSeconds(120), "both outboxes are replayed");

            var inside = await lot.GetActiveSessions(null);
            Assert.All(late, plate => Assert.Single(inside, s => s.Plate == plate));
            Assert.DoesNotContain(inside, s => early.Contains(s.Plate!));
            var after = await lot.GetStatus();
            Assert.Equal(Occupied(before) + 25, Occupied(after));

            var conflicts = entry.Journal.Completed(100).Where(c => c.Conflict).ToList();
            Assert.Contains("PlateAlreadyInside", Assert.Single(conflicts).Outcome, StringComparison.Ordinal);
            Assert.All(exit.Journal.Completed(100), c => Assert.False(c.Conflict, c.Outcome));
            var alerts = await grains.GetGrain<ParkingGrains.Grains.Interfaces.Notifications.ILotAlertsGrain>(Lot).List(100, includeAcknowledged: true);
            Assert.Single(alerts, a => a.Text.Contains("decided otherwise", StringComparison.Ordinal) && a.Text.Contains(late[0], StringComparison.Ordinal));

            // Exactly once: every replayed event sent again is answered from the lot's memory and changes nothing.
            foreach (var item in queued)
            {
                if (item.Kind == OutboxKind.Entry)
                {
                    var command = OutboxCommands.Read<EntryCommand>(item.Payload);
                    Assert.Equal(command.Plate != late[0], (await lot.Enter(command)).Allowed);
                }
                else
                {
                    Assert.True((await lot.Exit(OutboxCommands.Read<OfflineExit>(item.Payload).Command)).Open);
                }
            }

            Assert.Equal(Occupied(after), Occupied(await lot.GetStatus()));
            Assert.Equal(inside.Count, (await lot.GetActiveSessions(null)).Count);

            await entry.DisposeAsync();
            await exit.DisposeAsync();
        }
        finally
        {
            await silo.DisposeAsync();
        }
    }

    private static int Occupied(LotStatus status) => status.Classes.Values.Sum(c => c.Occupied);

    private static async Task TryReplayAsync(TestLane lane)
    {
        try
        {
            await lane.Link.ConnectAsync(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token);
            await lane.Controller.ReplayOutboxAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is ClusterUnavailableException or OperationCanceledException)
        {
            await lane.Link.RebuildIfStaleAsync();
        }
    }

    private static async Task<string> InstallKeyAsync(IGrainFactory grains, string gateId)
    {
        var (key, hash) = GateKeys.NewKey();
        await grains.GetGrain<IGateKeyGrain>(gateId).Install(new GateKeyInstall(GateKeys.NewKeyId(), hash, DateTimeOffset.UtcNow));
        return key;
    }

    private static LaneOptions Options(string gateId, string key, HostProcess silo, TempFolder folder) => new()
    {
        GateId = gateId,
        Key = key,
        AgentId = $"test-{gateId}",
        Gateways = $"127.0.0.1:{silo.GatewayPort}",
        JournalPath = Path.Combine(folder.Path, $"{gateId}.db"),
        ClusterTimeout = TimeSpan.FromSeconds(1.5),
    };

    /// <summary>A lane without devices, as the agent process builds it.</summary>
    private sealed class TestLane : IAsyncDisposable
    {
        public TestLane(LaneOptions options)
        {
            Journal = LaneJournal.Open(options.JournalPath, NullLogger.Instance);
            Link = new ClusterLink(options, new GateCommandInbox(), NullLoggerFactory.Instance);
            Controller = new LaneController(options, Link, new GateCommandInbox(), Journal, TimeProvider.System, NullLogger<LaneController>.Instance);
        }

        public LaneJournal Journal { get; }

        public ClusterLink Link { get; }

        public LaneController Controller { get; }

        public Task ConnectAsync() => Link.ConnectAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        public async ValueTask DisposeAsync()
        {
            await Link.DisposeAsync();
            Journal.Dispose();
        }
    }
}
