using ParkingGrains.Runtime.Tests.Infrastructure;
using ParkingGrains.TestGrains;

namespace ParkingGrains.Runtime.Tests.Core;

public sealed class TurnModelTests
{
    [Fact]
    public async Task TwoHundredConcurrentCallersThroughThreeSilos_CountExactly_WithoutOverlappingTurns()
    {
        await using var cluster = await Clusters.StartAsync(silos: 3);
        const int callers = 200;
        const int incrementsEach = 5;

        // Caller grains are spread over the three silos by placement, so most increments cross silos.
        var callerSilos = await Task.WhenAll(Enumerable.Range(0, callers).Select(i =>
            cluster.GrainFactory.GetGrain<ICallerGrain>($"caller-{i}").IncrementCounter("shared", incrementsEach)));

        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("shared");
        Assert.Equal(callers * incrementsEach, await counter.GetCount());
        Assert.Equal(0, await counter.GetOverlaps());
        Assert.Equal(3, callerSilos.Distinct().Count());
    }

    [Fact]
    public async Task ConcurrentClientCalls_AreProcessedOneAtATime()
    {
        await using var cluster = await Clusters.StartAsync(silos: 1);
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("client-counter");

        var results = await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => counter.Increment()));

        Assert.Equal(Enumerable.Range(1, 500), results.Order());
        Assert.Equal(0, await counter.GetOverlaps());
    }

    [Fact]
    public async Task CallCycleBetweenNonReentrantGrains_FailsFast_NamingBothGrains()
    {
        await using var cluster = await Clusters.StartAsync(silos: 2);
        var a = cluster.GrainFactory.GetGrain<IPingPongGrain>("A");
        var started = DateTime.UtcNow;

        var error = await Assert.ThrowsAsync<DeadlockException>(() => a.Ping("B"));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(1), $"took {DateTime.UtcNow - started}");
        Assert.Contains("pingpong/A", error.Message);
        Assert.Contains("pingpong/B", error.Message);

        // The grains are not stuck afterwards.
        Assert.Equal("hello from A", await a.Hello());
    }

    [Fact]
    public async Task CallCycle_IsDetectedWhenBothGrainsShareASilo()
    {
        await using var cluster = await Clusters.StartAsync(silos: 1);
        var error = await Assert.ThrowsAsync<DeadlockException>(() => cluster.GrainFactory.GetGrain<IPingPongGrain>("X").Ping("Y"));
        Assert.Equal(["pingpong/X", "pingpong/Y", "pingpong/X"], error.Cycle.Select(g => g.ToString()));
    }

    [Fact]
    public async Task GrainException_ReachesTheCaller_WithItsTypeAndMessage()
    {
        await using var cluster = await Clusters.StartAsync(silos: 2);
        var grain = cluster.GrainFactory.GetGrain<IFaultyGrain>("thrower");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Throw("gate 7 is jammed"));

        Assert.Equal("gate 7 is jammed", error.Message);
    }

    [Fact]
    public async Task CallThatExceedsTheResponseTimeout_FailsWithTimeoutException()
    {
        await using var cluster = await Clusters.StartAsync(silos: 1);
        await using var client = await cluster.ConnectClientAsync(o => o.ResponseTimeout = TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAsync<TimeoutException>(() => client.GetGrain<IFaultyGrain>("slow").Slow(5_000));
    }

    [Fact]
    public async Task GrainTimerTicks_RunAsTurns_NeverOverlappingRequests()
    {
        await using var cluster = await Clusters.StartAsync(silos: 1);
        var grain = cluster.GrainFactory.GetGrain<ITimerGrain>("timer");
        await grain.Start(TimeSpan.FromMilliseconds(10));

        for (var i = 0; i < 20; i++)
        {
            await grain.BusyRequest(15);
        }

        await Clusters.WaitUntilAsync(async () => (await grain.GetTicks()).Ticks >= 5, TimeSpan.FromSeconds(10), "timer ticks");
        Assert.Equal(0, (await grain.GetTicks()).Overlaps);
    }

    [Fact]
    public async Task Observer_ReceivesPushesFromAGrain()
    {
        await using var cluster = await Clusters.StartAsync(silos: 2);
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var observer = new ValueObserver(received);
        var reference = cluster.Client.CreateObjectReference<IValueObserver>(observer);
        var grain = cluster.GrainFactory.GetGrain<IObservableGrain>("lot-7");

        await grain.Subscribe(reference);
        await grain.Publish("slot A-12 occupied");

        Assert.Equal("lot-7:slot A-12 occupied", await received.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task ObserverHostedInASilo_ReceivesPushesFromAGrainOnAnotherSilo()
    {
        await using var cluster = await Clusters.StartAsync(silos: 2);
        var host = cluster.Silos[0];
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reference = host.Client.CreateObjectReference<IValueObserver>(new ValueObserver(received));

        // Pick a grain owned by the other silo, so the push crosses silos.
        var key = Enumerable.Range(0, 100).Select(i => $"lot-{i}")
            .First(k => !new Runtime.Cluster.PlacementRing(cluster.Silos.Select(s => s.SiloAddress)).GetOwner(new GrainId("observable", k))!.Equals(host.SiloAddress));
        var grain = host.Client.GetGrain<IObservableGrain>(key);
        await grain.Subscribe(reference);
        await grain.Publish("gate open");

        Assert.Equal($"{key}:gate open", await received.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    private sealed class ValueObserver(TaskCompletionSource<string> received) : IValueObserver
    {
        public void OnValue(string grainKey, string value) => received.TrySetResult($"{grainKey}:{value}");
    }
}
