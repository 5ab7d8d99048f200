using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ParkingGrains.GateAgent.Devices;

/// <summary>
/// A barrier: <see cref="BarrierStateMachine"/> driven by commands, the relay's motion-complete signals, the vehicle
/// loop and a timer on <see cref="TimeProvider"/>. Inputs are applied one at a time (a gate, not a lock, because
/// commanding the relay is async); every transition is logged and reported, and entering Opening or Closing commands
/// the relay. Owns the relay and the loop: starts and disposes them.
/// </summary>
public sealed class LaneBarrier : IBarrier
{
    private readonly IBarrierRelay _relay;
    private readonly IVehicleLoop _loop;
    private readonly TimeProvider _time;
    private readonly ILogger<LaneBarrier> _logger;
    private readonly BarrierStateMachine _machine;
    private readonly Channel<BarrierTransition> _transitions = DeviceChannel.Create<BarrierTransition>(256);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ITimer _timer;
    private Task[] _pumps = [];
    private volatile BarrierState _state = BarrierState.Closed;
    private volatile bool _vehiclePresent;

    public LaneBarrier(IBarrierRelay relay, IVehicleLoop loop, BarrierOptions options, TimeProvider time, ILogger<LaneBarrier> logger)
    {
        _relay = relay;
        _loop = loop;
        _time = time;
        _logger = logger;
        _machine = new BarrierStateMachine(options);
        _timer = time.CreateTimer(_ => Post((m, now) => m.Tick(now)), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public string Name { get; init; } = "barrier";

    public BarrierState State => _state;

    public bool VehiclePresent => _vehiclePresent;

    public ChannelReader<BarrierTransition> Transitions => _transitions.Reader;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_pumps.Length > 0)
        {
            return;
        }

        await _relay.StartAsync(cancellationToken);
        await _loop.StartAsync(cancellationToken);
        var stopping = _stopping.Token;
        _pumps =
        [
            Task.Run(() => PumpAsync(_relay.Motions, (m, motion, _) => m.MotionComplete(motion.Reached, motion.At), stopping), CancellationToken.None),
            Task.Run(() => PumpAsync(_loop.Presence, (m, p, _) => p.Present ? m.VehicleArrived(p.At) : m.VehicleCleared(p.At), stopping), CancellationToken.None),
        ];
    }

    public Task OpenAsync(TimeSpan duration, CancellationToken cancellationToken = default) =>
        ApplyAsync((m, now) => m.Open(duration, now), cancellationToken);

    public Task CloseAsync(CancellationToken cancellationToken = default) =>
        ApplyAsync((m, now) => m.Close(now), cancellationToken);

    public Task HoldOpenAsync(CancellationToken cancellationToken = default) =>
        ApplyAsync((m, now) => m.HoldOpen(now), cancellationToken);

    public Task ReleaseAsync(CancellationToken cancellationToken = default) =>
        ApplyAsync((m, now) => m.Release(now), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _timer.DisposeAsync();
        await Task.WhenAll(_pumps);

        await _relay.DisposeAsync();
        await _loop.DisposeAsync();
        _transitions.Writer.TryComplete();
        _stopping.Dispose();
    }

    private async Task PumpAsync<T>(ChannelReader<T> source, Func<BarrierStateMachine, T, DateTimeOffset, IReadOnlyList<BarrierTransition>> input, CancellationToken stopping)
    {
        try
        {
            await foreach (var item in source.ReadAllAsync(stopping))
            {
                try
                {
                    await ApplyAsync((m, now) => input(m, item, now), stopping);
                }
                catch (Exception ex) when (!stopping.IsCancellationRequested)
                {
                    // One bad signal must not leave the barrier deaf to the relay or the loop for good.
                    _logger.LogError(ex, "{Barrier}: a {Signal} could not be applied", Name, typeof(T).Name);
                }
            }
        }
        catch (Exception ex) when (stopping.IsCancellationRequested && ex is OperationCanceledException or ObjectDisposedException)
        {
            // stopping
        }
    }

    private void Post(Func<BarrierStateMachine, DateTimeOffset, IReadOnlyList<BarrierTransition>> input)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _ = ApplyAsync(input, _stopping.Token).ContinueWith(
            t => _logger.LogError(t.Exception, "{Barrier}: a timer input failed", Name),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    private async Task ApplyAsync(Func<BarrierStateMachine, DateTimeOffset, IReadOnlyList<BarrierTransition>> input, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            var transitions = input(_machine, now);
            // Timer and relay first, then what others observe: whoever reacts to a transition (or moves a fake
            // clock on seeing it) finds the timer and the motion already under way.
            Reschedule(now);
            foreach (var transition in transitions)
            {
                await CommandRelayAsync(transition.To);
            }

            _state = _machine.State;
            _vehiclePresent = _machine.VehiclePresent;
            foreach (var transition in transitions)
            {
                _logger.LogInformation("{Barrier}: {From} → {To} ({Cause})", Name, transition.From, transition.To, transition.Cause);
                _transitions.Writer.TryWrite(transition);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CommandRelayAsync(BarrierState entered)
    {
        try
        {
            // The stopping token, not the caller's: a cancelled caller must not leave the boom half commanded.
            if (entered == BarrierState.Opening)
            {
                await _relay.RaiseAsync(_stopping.Token);
            }
            else if (entered == BarrierState.Closing)
            {
                await _relay.LowerAsync(_stopping.Token);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "{Barrier}: the relay failed to move to {State}", Name, entered);
        }
    }

    private void Reschedule(DateTimeOffset now)
    {
        var due = _machine.NextDeadline is { } deadline
            ? (deadline > now ? deadline - now : TimeSpan.Zero)
            : Timeout.InfiniteTimeSpan;
        _timer.Change(due, Timeout.InfiniteTimeSpan);
    }
}
