using System.Collections.Concurrent;
using System.Diagnostics;

namespace ParkingGrains.Runtime.Core;

/// <summary>
/// Requests awaiting a response, by correlation id. One sweeper expires overdue calls with a TimeoutException,
/// which is cheaper than a timer per call.
/// </summary>
internal sealed class CallbackTable : IDisposable
{
    private readonly ConcurrentDictionary<long, PendingCall> _calls = new();
    private readonly Timer _sweeper;
    private long _nextId;

    public CallbackTable(TimeSpan sweepPeriod)
    {
        _sweeper = new Timer(static s => ((CallbackTable)s!).ExpireOverdue(), this, sweepPeriod, sweepPeriod);
    }

    public int Count => _calls.Count;

    public void Register(PendingCall call)
    {
        call.Request.Id = Interlocked.Increment(ref _nextId);
        _calls[call.Request.Id] = call;
    }

    public PendingCall? Find(long id) => _calls.GetValueOrDefault(id);

    public bool TryRemove(long id) => _calls.TryRemove(id, out _);

    /// <summary>Calls currently waiting on the given silo (to fail or retry them when it is declared dead).</summary>
    public List<PendingCall> WaitingOn(SiloAddress silo) =>
        _calls.Values.Where(c => silo.Equals(c.Request.TargetSilo)).ToList();

    /// <summary>Calls that were sent on the given connection (to fail or retry them when it closes).</summary>
    public List<PendingCall> SentOn(object connection) =>
        _calls.Values.Where(c => ReferenceEquals(c.Request.SentOn, connection)).ToList();

    public void Dispose() => _sweeper.Dispose();

    private void ExpireOverdue()
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var (id, call) in _calls)
        {
            if (call.IsExpired(now) && _calls.TryRemove(id, out _))
            {
                call.Completion.TrySetException(new TimeoutException(
                    $"No response to {call.Request} within {call.Request.Timeout.TotalSeconds:0.###} s" +
                    (call.Request.TargetSilo is { } silo ? $" (sent to silo {silo})." : ".")));
            }
        }
    }
}
