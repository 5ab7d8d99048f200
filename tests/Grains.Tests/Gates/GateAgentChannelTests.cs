using System.Threading.Channels;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Accounts;
using ParkingGrains.Grains.Interfaces.Cards;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Notifications;
using ParkingGrains.Grains.Tests.Infrastructure;
using ParkingGrains.TestSupport;

namespace ParkingGrains.Grains.Tests.Gates;

/// <summary>The gate grain's side of the edge agent: the key on every agent call, command push and acknowledgement, the offline cache, conflicts.</summary>
[Collection(DomainCollection.Name)]
public sealed class GateAgentChannelTests(DomainClusterFixture fixture)
{
    [Fact]
    public async Task AgentOnlyCalls_WithoutTheGatesCurrentKey_AreRefused_AndARotatedOutKeyStopsAtOnce()
    {
        await fixture.Grains.ConfiguredLotAsync("GA1", cars: 1);
        var gate = fixture.Grains.GetGrain<IGateGrain>("GA1-in");
        await Assert.ThrowsAsync<UnauthorizedGateAgentException>(() => gate.Heartbeat(new GateHeartbeat("agent", DateTimeOffset.UtcNow, 1)));
        await Assert.ThrowsAsync<UnauthorizedGateAgentException>(() => gate.GetLaneCache());

        var oldKey = await fixture.Grains.AgentKeyAsync("GA1-in");
        await Assert.ThrowsAsync<UnauthorizedGateAgentException>(() => WithKey(GateKeys.NewKey().Key, () => gate.Heartbeat(new GateHeartbeat("agent", DateTimeOffset.UtcNow, 1))));
        await Assert.ThrowsAsync<UnauthorizedGateAgentException>(() => WithKey("not-a-key", () => gate.Heartbeat(new GateHeartbeat("agent", DateTimeOffset.UtcNow, 1))));
        await WithKey(oldKey, () => gate.Heartbeat(new GateHeartbeat("agent", DateTimeOffset.UtcNow, 1)));

        // Another gate's key is not this gate's.
        var otherKey = await fixture.Grains.AgentKeyAsync("GA1-out");
        await Assert.ThrowsAsync<UnauthorizedGateAgentException>(() => WithKey(otherKey, () => gate.Enter(new EntryCommand("ga1-e1", "GA1-in", "GA-1", null, VehicleClass.Car, DateTimeOffset.UtcNow))));

        var (newKey, hash) = GateKeys.NewKey();
        await fixture.Grains.GetGrain<IGateKeyGrain>("GA1-in").Install(new GateKeyInstall(GateKeys.NewKeyId(), hash, DateTimeOffset.UtcNow));
        await Assert.ThrowsAsync<UnauthorizedGateAgentException>(() => WithKey(oldKey, () => gate.Heartbeat(new GateHeartbeat("agent", DateTimeOffset.UtcNow, 1))));
        var entered = await WithKey(newKey, () => gate.Enter(new EntryCommand("ga1-e2", "GA1-in", "GA-2", null, VehicleClass.Car, DateTimeOffset.UtcNow)));
        Assert.True(entered.Allowed, entered.ReasonText);
    }

    [Fact]
    public async Task AnOperatorCommand_IsPushedToTheAgent_RepeatedInHeartbeats_UntilAcknowledged()
    {
        await fixture.Grains.ConfiguredLotAsync("GA2", cars: 1);
        var client = fixture.Cluster.Client;
        var received = Channel.CreateUnbounded<PendingGateCommand>();
        // Orleans holds a client's observer weakly: the test keeps it alive, as the agent's DI container does.
        var inbox = new ChannelObserver(received.Writer);
        var observer = client.CreateObjectReference<IGateAgentObserver>(inbox);
        await fixture.Grains.HeartbeatAsAgentAsync("GA2-in", new GateHeartbeat("agent", DateTimeOffset.UtcNow, 2, BarrierState.Closed, 0, observer));
        var gate = fixture.Grains.GetGrain<IGateGrain>("GA2-in");

        var result = await gate.Command(new GateCommand("ga2-open", GateCommandKind.Open, TimeSpan.FromSeconds(20), "bob", "delivery", DateTimeOffset.UtcNow));
        Assert.True(result.Accepted);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var pushed = await received.Reader.ReadAsync(wait.Token);
        Assert.Equal("ga2-open", pushed.Command.EventId);
        Assert.Equal(BarrierState.Open, pushed.Result.Barrier);
        Assert.Equal("ga2-open", (await gate.GetStatus()).PendingCommandId);

        // Not acknowledged yet: the next heartbeat carries it again.
        var reply = await fixture.Grains.HeartbeatAsAgentAsync("GA2-in", new GateHeartbeat("agent", DateTimeOffset.UtcNow, 2, BarrierState.Closed));
        Assert.Equal("ga2-open", Assert.Single(reply.PendingCommands).Command.EventId);

        await fixture.Grains.AsAgentAsync("GA2-in", async g => { await g.AcknowledgeCommand(new GateCommandAck("ga2-open", BarrierState.Open, DateTimeOffset.UtcNow)); return 0; });
        var status = await gate.GetStatus();
        Assert.Null(status.PendingCommandId);
        Assert.Equal(BarrierState.Open, status.AgentBarrier);
        Assert.Empty((await fixture.Grains.HeartbeatAsAgentAsync("GA2-in", new GateHeartbeat("agent", DateTimeOffset.UtcNow, 2, BarrierState.Open, 3))).PendingCommands);
        Assert.Equal(3, (await gate.GetStatus()).OutboxLength);
        client.DeleteObjectReference<IGateAgentObserver>(observer);
        GC.KeepAlive(inbox);
    }

    [Fact]
    public async Task TheLaneCache_HoldsTariffFreeCountsStaysAndTheCardsValidInTheLot()
    {
        await fixture.Grains.ConfiguredLotAsync("GA3", cars: 3);
        var now = DateTimeOffset.UtcNow;
        await fixture.Grains.GetGrain<ICardGrain>("ga3-card").Configure(new CardDefinition("ga3-card", CardKind.Subscriber, "Ann", ["GA-30"], ["GA3"], now.AddDays(-1), now.AddDays(30), 1));
        var entered = await fixture.Grains.GetGrain<IGateGrain>("GA3-in").Enter(new EntryCommand("ga3-e1", "GA3-in", "GA-31", null, VehicleClass.Car, now));
        Assert.True(entered.Allowed, entered.ReasonText);

        var cache = await fixture.Grains.AsAgentAsync("GA3-out", g => g.GetLaneCache());
        Assert.NotNull(cache);
        Assert.Equal("GA3", cache.LotId);
        Assert.Equal(GateDirection.Out, cache.Direction);
        Assert.Equal(2, cache.FreeCounts[VehicleClass.Car]);
        var stay = Assert.Single(cache.Stays);
        Assert.Equal(("GA-31", entered.SessionId), (stay.Plate, stay.SessionId));
        Assert.Contains(cache.Cards, c => c.CardId == "ga3-card");
        Assert.Equal("EUR", cache.Tariff.Currency);
    }

    [Fact]
    public async Task AConflictReportedByTheLane_BecomesOneOperatorAlert()
    {
        await fixture.Grains.ConfiguredLotAsync("GA4", cars: 1);
        var conflict = new LaneConflict("ga4-e1", "entry", "GA-41", "opened offline", "ClassFull: no free Car slot", DateTimeOffset.UtcNow);
        await fixture.Grains.AsAgentAsync("GA4-in", async g => { await g.ReportConflict(conflict); return 0; });
        await fixture.Grains.AsAgentAsync("GA4-in", async g => { await g.ReportConflict(conflict); return 0; });
        var alerts = await fixture.Grains.GetGrain<ILotAlertsGrain>("GA4").List(50, includeAcknowledged: true);
        var alert = Assert.Single(alerts, a => a.Text.Contains("GA-41", StringComparison.Ordinal));
        Assert.Contains("ClassFull", alert.Text, StringComparison.Ordinal);
    }

    private static async Task<T> WithKey<T>(string key, Func<Task<T>> call)
    {
        GateAgentCredential.Attach(key);
        return await call();
    }

    private sealed class ChannelObserver(ChannelWriter<PendingGateCommand> writer) : IGateAgentObserver
    {
        public Task OnBarrierCommand(PendingGateCommand command)
        {
            writer.TryWrite(command);
            return Task.CompletedTask;
        }
    }
}
