using System.Diagnostics;

namespace ParkingGrains.Bench.Gate;

/// <summary>
/// The baseline: a no-op grain call from an Orleans client over the same loopback TCP path as the lanes, every
/// <paramref name="every"/> while a phase runs, so it sees the same machine and the same silo load as the decisions.
/// </summary>
public sealed class NoOpPinger(IClusterClient client, TimeSpan every) : IAsyncDisposable
{
    private readonly List<double> _samples = [];
    private readonly Lock _lock = new();
    private CancellationTokenSource? _stop;
    private Task? _loop;

    public void Start()
    {
        _stop = new CancellationTokenSource();
        _loop = LoopAsync(_stop.Token);
    }

    /// <summary>Stops and returns the round trips measured since <see cref="Start"/>, ms.</summary>
    public async Task<List<double>> StopAsync()
    {
        if (_stop is { } stop && _loop is { } loop)
        {
            await stop.CancelAsync();
            await loop;
            stop.Dispose();
            _stop = null;
        }

        lock (_lock)
        {
            var samples = _samples.ToList();
            _samples.Clear();
            return samples;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task LoopAsync(CancellationToken stop)
    {
        var grain = client.GetGrain<INoOpGrain>("gate-baseline");
        var value = 0;
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            var answer = await grain.Ping(++value);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (answer != value)
            {
                throw new InvalidOperationException($"The no-op grain answered {answer}, expected {value}.");
            }

            lock (_lock)
            {
                _samples.Add(elapsed);
            }

            try
            {
                await Task.Delay(every, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
