using System.Threading.Channels;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Notifications;
using ParkingGrains.Grains.Lots;
using ParkingGrains.Grains.Tests.Infrastructure;
using ParkingGrains.TestSupport;

namespace ParkingGrains.Grains.Tests.Gates;

/// <summary>A gate whose agent stops sending heartbeats is reported offline to the live dashboards, without anyone asking.</summary>
/// <remarks>Its own cluster: gates go offline after 1 s there.</remarks>
public sealed class GateOfflineTests
{
    [Fact]
    public async Task WhenTheHeartbeatsStop_TheLotsObserversAreToldTheGateIsOffline()
    {
        await using var cluster = await ParkingTestCluster.StartAsync(lotOptions: new LotOptions { GateOfflineAfter = TimeSpan.FromSeconds(1), ReplayHorizon = TimeSpan.FromDays(3650) });
        var grains = cluster.Client;
        await grains.ConfiguredLotAsync("GO1", cars: 1);
        var changes = Channel.CreateUnbounded<GateStatusChanged>();
        // Orleans holds a client's observer weakly: the test keeps it alive, as a web host keeps its own.
        var gateObserver = new GateObserver(changes.Writer);
        var observer = cluster.Client.CreateObjectReference<ILotObserver>(gateObserver);
        await grains.GetGrain<ILotEventsGrain>("GO1").Subscribe(observer);

        await grains.HeartbeatAsAgentAsync("GO1-in");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Assert.True((await NextAsync(changes.Reader, "GO1-in", deadline.Token)).Online);
        Assert.False((await NextAsync(changes.Reader, "GO1-in", deadline.Token)).Online);
        Assert.False((await grains.GetGrain<IGateGrain>("GO1-in").GetStatus()).Online);
        GC.KeepAlive(gateObserver);
    }

    private static async Task<GateStatusChanged> NextAsync(ChannelReader<GateStatusChanged> reader, string gateId, CancellationToken cancellation)
    {
        while (true)
        {
            var change = await reader.ReadAsync(cancellation);
            if (change.GateId == gateId)
            {
                return change;
            }
        }
    }

    private sealed class GateObserver(ChannelWriter<GateStatusChanged> writer) : ILotObserver
    {
        public void OnGateStatus(GateStatusChanged gate) => writer.TryWrite(gate);

        public void OnSlotChanged(SlotChanged change)
        {
        }

        public void OnCountsChanged(LotCountsChanged counts)
        {
        }

        public void OnSessionStarted(SessionStarted session)
        {
        }

        public void OnSessionEnded(SessionEnded session)
        {
        }

        public void OnAlert(LotAlert alert)
        {
        }
    }
}
