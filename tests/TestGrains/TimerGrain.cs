using ParkingGrains.Runtime;

namespace ParkingGrains.TestGrains;

public sealed class TimerGrain : Grain, ITimerGrain
{
    private IGrainTimer? _timer;
    private int _ticks;
    private int _inTurn;
    private int _overlaps;

    public Task Start(TimeSpan period)
    {
        _timer?.Dispose();
        _timer = RegisterGrainTimer(OnTick, period, period);
        return Task.CompletedTask;
    }

    public Task<(int Ticks, int Overlaps)> GetTicks() => Task.FromResult((_ticks, _overlaps));

    public async Task<int> BusyRequest(int milliseconds)
    {
        Enter();
        await Task.Delay(milliseconds);
        Exit();
        return _ticks;
    }

    private async Task OnTick(CancellationToken cancellationToken)
    {
        Enter();
        await Task.Yield();
        _ticks++;
        Exit();
    }

    private void Enter()
    {
        if (Interlocked.Exchange(ref _inTurn, 1) == 1)
        {
            _overlaps++;
        }
    }

    private void Exit() => Volatile.Write(ref _inTurn, 0);
}
