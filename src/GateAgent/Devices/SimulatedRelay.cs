using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ParkingGrains.GateAgent.Devices;

/// <summary>
/// A relay without a motor: each command is logged, and the end position is reported after
/// <see cref="BarrierOptions.TravelTime"/> (on <paramref name="time"/>'s timers, so tests move it with a fake clock).
/// A command while moving reverses at once and takes the full travel time (good enough for a simulation).
/// </summary>
public sealed class SimulatedRelay(BarrierOptions options, TimeProvider time, ILogger<SimulatedRelay> logger) : IBarrierRelay
{
    private readonly Channel<BarrierMotion> _motions = DeviceChannel.Create<BarrierMotion>(64);
    private readonly Lock _lock = new();
    private BarrierPosition? _position = BarrierPosition.Down; // null while moving
    private ITimer? _travel;
    private long _motion; // a reversed motion's timer may already be firing: only the current one arrives
    private bool _disposed;

    public string Name { get; init; } = "relay";

    public ChannelReader<BarrierMotion> Motions => _motions.Reader;

    /// <summary>Where the boom is, or null while it moves.</summary>
    public BarrierPosition? Position
    {
        get
        {
            lock (_lock)
            {
                return _position;
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task RaiseAsync(CancellationToken cancellationToken = default) => Move(BarrierPosition.Up);

    public Task LowerAsync(CancellationToken cancellationToken = default) => Move(BarrierPosition.Down);

    public ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            _disposed = true;
            _travel?.Dispose();
            _travel = null;
        }

        _motions.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    private Task Move(BarrierPosition target)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _travel?.Dispose();
            _travel = null;
            if (_position == target)
            {
                logger.LogInformation("{Relay}: already {Position}", Name, target);
                _motions.Writer.TryWrite(new BarrierMotion(target, time.GetUtcNow()));
                return Task.CompletedTask;
            }

            logger.LogInformation("{Relay}: {Motion}", Name, target == BarrierPosition.Up ? "raising" : "lowering");
            _position = null;
            var motion = ++_motion;
            // Created disabled and armed after assignment: a fake clock may fire a zero due time inside CreateTimer.
            var timer = time.CreateTimer(_ => Arrive(target, motion), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _travel = timer;
            timer.Change(options.TravelTime, Timeout.InfiniteTimeSpan);
        }

        return Task.CompletedTask;
    }

    private void Arrive(BarrierPosition target, long motion)
    {
        lock (_lock)
        {
            if (_disposed || motion != _motion)
            {
                return;
            }

            _position = target;
            _travel?.Dispose();
            _travel = null;
            logger.LogInformation("{Relay}: {Position}", Name, target);
            _motions.Writer.TryWrite(new BarrierMotion(target, time.GetUtcNow()));
        }
    }
}
