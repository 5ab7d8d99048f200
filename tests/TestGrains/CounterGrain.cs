using ParkingGrains.Runtime;

namespace ParkingGrains.TestGrains;

/// <summary>A counter that yields mid-turn, so any interleaving of non-reentrant turns would be caught.</summary>
public sealed class CounterGrain : Grain, ICounterGrain
{
    private readonly HashSet<string> _operations = [];
    private int _count;
    private int _inTurn;
    private int _overlaps;

    public async Task<int> Increment()
    {
        Enter();
        try
        {
            var before = _count;
            await Task.Yield();
            _count = before + 1;
            return _count;
        }
        finally
        {
            Exit();
        }
    }

    public async Task<int> IncrementOnce(string operationId)
    {
        if (_operations.Add(operationId))
        {
            return await Increment();
        }

        return _count;
    }

    public Task<int> GetCount() => Task.FromResult(_count);

    public Task<int> GetOverlaps() => Task.FromResult(_overlaps);

    public Task<string> GetSilo() => Task.FromResult(GrainContext.Silo.ToString());

    private void Enter()
    {
        if (Interlocked.Exchange(ref _inTurn, 1) == 1)
        {
            Interlocked.Increment(ref _overlaps);
        }
    }

    private void Exit() => Volatile.Write(ref _inTurn, 0);
}
