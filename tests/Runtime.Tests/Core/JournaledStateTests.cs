using ParkingGrains.Runtime.EventLog;
using ParkingGrains.Runtime.Tests.Infrastructure;
using ParkingGrains.TestGrains;

namespace ParkingGrains.Runtime.Tests.Core;

public sealed class JournaledStateTests
{
    [Fact]
    public async Task ConcurrentDecisions_AreConfirmedInBatches_AndEveryOneIsDurable()
    {
        var log = new CountingEventLog(new MemoryEventLogStorage());
        await using var cluster = await Clusters.StartAsync(silos: 1, b => b.AddEventLog("Default", _ => log));
        var ledger = cluster.GrainFactory.GetGrain<ILedgerGrain>("till-1");

        var balances = await Task.WhenAll(Enumerable.Range(1, 400).Select(i => ledger.Post($"op-{i}", 1)));

        Assert.Equal(Enumerable.Range(1, 400).Select(i => (long)i), balances.Order());
        Assert.Equal((400L, 400L, 400), await ledger.Get());
        Assert.True(log.Appends < 400, $"{log.Appends} appends for 400 decisions: they should share appends");
    }

    [Fact]
    public async Task StateIsRebuiltFromSnapshotAndLog_AfterDeactivation_AndRepeatsReturnTheOriginalResult()
    {
        await using var cluster = await Clusters.StartAsync(silos: 1);
        var ledger = cluster.GrainFactory.GetGrain<ILedgerGrain>("till-2");
        for (var i = 1; i <= 120; i++)
        {
            await ledger.Post($"op-{i}", i);
        }

        await ledger.Deactivate();
        await Clusters.WaitUntilAsync(() => Task.FromResult(cluster.Silos[0].ActivationCount == 0), TimeSpan.FromSeconds(10), "deactivation");

        Assert.Equal((7260L, 120L, 120), await ledger.Get());
        Assert.Equal(55, await ledger.Post("op-10", 999));
        Assert.Equal((7260L, 120L, 120), await ledger.Get());
    }

    [Fact]
    public async Task AStaleDuplicate_CannotAppend_AndItsDecisionIsNotAcknowledged()
    {
        var shared = new MemoryEventLogStorage();
        await using var first = await Clusters.StartAsync(silos: 1, b => b.AddEventLog("Default", _ => shared));
        await using var second = await Clusters.StartAsync(silos: 1, b => b.AddEventLog("Default", _ => shared));
        var stale = first.GrainFactory.GetGrain<ILedgerGrain>("till-3");
        var current = second.GrainFactory.GetGrain<ILedgerGrain>("till-3");

        await stale.Post("a", 10);
        await current.Post("b", 5);

        await Assert.ThrowsAsync<InconsistentStateException>(() => stale.Post("c", 1));
        Assert.Equal((15L, 2L, 2), await current.Get());

        // The stale activation deactivated itself; its next activation replays the log and agrees.
        await Clusters.WaitUntilAsync(async () => (await stale.Get()).Balance == 15, TimeSpan.FromSeconds(10), "the stale activation to rebuild");
    }

    private sealed class CountingEventLog(IEventLogStorage inner) : IEventLogStorage
    {
        private int _appends;

        public int Appends => Volatile.Read(ref _appends);

        public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

        public Task<IReadOnlyList<StoredEvent>> ReadAsync(GrainId grainId, string streamName, long afterVersion) => inner.ReadAsync(grainId, streamName, afterVersion);

        public async Task AppendAsync(GrainId grainId, string streamName, long expectedVersion, IReadOnlyList<EventToAppend> events)
        {
            Interlocked.Increment(ref _appends);
            await Task.Yield();
            await inner.AppendAsync(grainId, streamName, expectedVersion, events);
        }
    }
}
