using Microsoft.Extensions.Time.Testing;
using ParkingGrains.GateAgent.Devices;
using static ParkingGrains.GateAgent.Devices.BarrierCause;
using static ParkingGrains.GateAgent.Devices.BarrierState;

namespace ParkingGrains.GateAgent.Tests.Devices;

/// <summary>The barrier driver with the simulated relay and loop, on a fake clock: timers fire only when the test moves time.</summary>
public sealed class LaneBarrierTests : IAsyncLifetime
{
    private static readonly BarrierOptions Options = new() { ClearDelay = TimeSpan.FromSeconds(2), TravelTime = TimeSpan.FromSeconds(1.5) };
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
    private readonly SimulatedVehicleLoop _loop;
    private readonly SimulatedRelay _relay;
    private readonly LaneBarrier _barrier;
    private readonly ListLogger<SimulatedRelay> _relayLog = new();

    public LaneBarrierTests()
    {
        _loop = new SimulatedVehicleLoop(_time);
        _relay = new SimulatedRelay(Options, _time, _relayLog);
        _barrier = new LaneBarrier(_relay, _loop, Options, _time, new ListLogger<LaneBarrier>());
    }

    public Task InitializeAsync() => _barrier.StartAsync();

    public async Task DisposeAsync() => await _barrier.DisposeAsync();

    private async Task<(BarrierState From, BarrierState To, BarrierCause Cause)> NextAsync()
    {
        var t = await Wait.NextAsync(_barrier.Transitions);
        return (t.From, t.To, t.Cause);
    }

    private async Task ArriveAsync()
    {
        _loop.Arrive();
        await Wait.UntilAsync(() => _barrier.VehiclePresent, "the barrier saw the vehicle");
    }

    private async Task LeaveAsync()
    {
        _loop.Leave();
        await Wait.UntilAsync(() => !_barrier.VehiclePresent, "the barrier saw the loop clear");
    }

    [Fact]
    public async Task Opens_with_the_relay_closes_on_the_timer_and_reports_each_step()
    {
        await _barrier.OpenAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((Closed, Opening, OpenCommand), await NextAsync());
        Assert.Null(_relay.Position);

        _time.Advance(Options.TravelTime);
        Assert.Equal((Opening, Open, MotionComplete), await NextAsync());
        Assert.Equal(BarrierPosition.Up, _relay.Position);

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal((Open, Closing, OpenTimerExpired), await NextAsync());
        _time.Advance(Options.TravelTime);
        Assert.Equal((Closing, Closed, MotionComplete), await NextAsync());
        Assert.Equal(BarrierPosition.Down, _relay.Position);
        Assert.True(_relayLog.Has(Microsoft.Extensions.Logging.LogLevel.Information, "raising"));
        Assert.True(_relayLog.Has(Microsoft.Extensions.Logging.LogLevel.Information, "lowering"));
    }

    [Fact]
    public async Task Stays_up_while_a_vehicle_is_on_the_loop_then_closes_after_the_clear_delay()
    {
        await _barrier.OpenAsync(TimeSpan.FromSeconds(10));
        await NextAsync();
        _time.Advance(Options.TravelTime);
        await NextAsync();
        await ArriveAsync();

        _time.Advance(TimeSpan.FromMinutes(5));
        await _barrier.CloseAsync();
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(Open, _barrier.State);
        Assert.Equal(BarrierPosition.Up, _relay.Position);

        await LeaveAsync();
        var cleared = _time.GetUtcNow();
        _time.Advance(Options.ClearDelay);
        var closing = await Wait.NextAsync(_barrier.Transitions);
        Assert.Equal((Open, Closing, VehicleCleared), (closing.From, closing.To, closing.Cause));
        Assert.Equal(cleared + Options.ClearDelay, closing.At);
    }

    [Fact]
    public async Task A_vehicle_under_the_closing_boom_sends_it_back_up()
    {
        await _barrier.OpenAsync(TimeSpan.FromSeconds(5));
        await NextAsync();
        _time.Advance(Options.TravelTime);
        await NextAsync();
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal((Open, Closing, OpenTimerExpired), await NextAsync());

        _time.Advance(TimeSpan.FromSeconds(0.5));
        _loop.Arrive();
        Assert.Equal((Closing, Opening, VehiclePresent), await NextAsync());
        _time.Advance(Options.TravelTime);
        Assert.Equal((Opening, Open, MotionComplete), await NextAsync());

        await LeaveAsync();
        _time.Advance(Options.ClearDelay);
        Assert.Equal((Open, Closing, VehicleCleared), await NextAsync());
    }

    [Fact]
    public async Task Held_open_until_released()
    {
        await _barrier.HoldOpenAsync();
        Assert.Equal((Closed, Opening, HoldOpenCommand), await NextAsync());
        _time.Advance(Options.TravelTime);
        Assert.Equal((Opening, HeldOpen, MotionComplete), await NextAsync());
        _time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(HeldOpen, _barrier.State);

        await _barrier.ReleaseAsync();
        Assert.Equal((HeldOpen, Open, ReleaseCommand), await NextAsync());
        Assert.Equal((Open, Closing, OpenTimerExpired), await NextAsync());
    }

    [Fact]
    public async Task Disposing_stops_the_barrier_and_ends_its_transitions()
    {
        await _barrier.OpenAsync(TimeSpan.FromSeconds(10));
        await NextAsync();

        await _barrier.DisposeAsync();

        await _barrier.Transitions.Completion.WaitAsync(Wait.Deadline);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => _barrier.CloseAsync());
    }
}
