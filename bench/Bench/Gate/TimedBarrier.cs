using System.Diagnostics;
using System.Threading.Channels;
using ParkingGrains.GateAgent.Devices;

namespace ParkingGrains.Bench.Gate;

/// <summary>
/// The lane's real barrier, with the moment its <see cref="OpenAsync"/> returned (the barrier has taken the command and
/// the relay is commanded): where the benchmark's plate → decision → barrier time ends.
/// </summary>
public sealed class TimedBarrier(IBarrier inner) : IBarrier
{
    private long _lastOpened;

    /// <summary><see cref="Stopwatch"/> timestamp of the last <see cref="OpenAsync"/> that returned; 0 before.</summary>
    public long LastOpened => Interlocked.Read(ref _lastOpened);

    public BarrierState State => inner.State;

    public bool VehiclePresent => inner.VehiclePresent;

    public ChannelReader<BarrierTransition> Transitions => inner.Transitions;

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public async Task OpenAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        await inner.OpenAsync(duration, cancellationToken);
        Interlocked.Exchange(ref _lastOpened, Stopwatch.GetTimestamp());
    }

    public Task CloseAsync(CancellationToken cancellationToken = default) => inner.CloseAsync(cancellationToken);

    public Task HoldOpenAsync(CancellationToken cancellationToken = default) => inner.HoldOpenAsync(cancellationToken);

    public Task ReleaseAsync(CancellationToken cancellationToken = default) => inner.ReleaseAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
