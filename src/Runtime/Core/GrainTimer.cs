namespace ParkingGrains.Runtime.Core;

/// <summary>
/// A grain timer: each tick is queued as a turn of the activation, and the next tick is only armed after the
/// callback finished, so ticks never overlap each other or a request (unless the grain is reentrant).
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ActivationData _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly TimeSpan _period;
    private readonly CancellationTokenSource _disposed = new();
    private readonly Timer _timer;

    public GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        _activation = activation;
        _callback = callback;
        _period = period;
        _timer = new Timer(static s => ((GrainTimer)s!).OnDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
    }

    public bool IsDisposed => _disposed.IsCancellationRequested;

    public async Task RunTickAsync()
    {
        if (IsDisposed)
        {
            return;
        }

        try
        {
            await _callback(_disposed.Token);
        }
        catch (Exception ex) when (!IsDisposed)
        {
            _activation.LogTimerFailure(ex);
        }
        finally
        {
            if (!IsDisposed && _period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan)
            {
                _timer.Change(_period, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void Dispose()
    {
        if (!_disposed.IsCancellationRequested)
        {
            _disposed.Cancel();
            _timer.Dispose();
            _activation.RemoveTimer(this);
        }
    }

    private void OnDue()
    {
        if (!IsDisposed)
        {
            _activation.EnqueueTimerTick(new GrainTimerTick(this));
        }
    }
}
