namespace ParkingGrains.Storage.Tests.Reminders;

/// <summary>Per-silo record of reminder ticks that a test can wait on (a singleton in the silo's services).</summary>
public sealed class ReminderTickLog
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _ticks = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Record(string grainKey)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _ticks[grainKey] = _ticks.GetValueOrDefault(grainKey) + 1;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    public int Count(string grainKey)
    {
        lock (_lock)
        {
            return _ticks.GetValueOrDefault(grainKey);
        }
    }

    /// <summary>Completes once <paramref name="grainKey"/> has ticked <paramref name="count"/> times here; throws <see cref="TimeoutException"/> at the deadline.</summary>
    public async Task WaitForTicksAsync(string grainKey, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_ticks.GetValueOrDefault(grainKey) >= count)
                {
                    return;
                }

                changed = _changed.Task;
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"{grainKey} ticked {Count(grainKey)} times on this silo within {timeout}, not {count}.");
            }

            try
            {
                await changed.WaitAsync(remaining);
            }
            catch (TimeoutException)
            {
                // Checked once more at the top of the loop, then reported with the count reached.
            }
        }
    }
}
