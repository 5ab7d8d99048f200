using System.Diagnostics;

namespace ParkingGrains.Bench;

/// <summary>Runs N concurrent loops of one async operation for a fixed time after a warm-up, recording each latency.</summary>
public static class LoadRunner
{
    /// <param name="pacing">
    /// When set, each loop runs open-loop at one operation per pacing interval. Operation k of a loop is due at
    /// start + phase + k × interval, where each loop's phase is spread evenly over one interval: loops that all
    /// slept for the same interval would otherwise wake on the same timer tick and arrive as one burst, which
    /// measures the burst rather than the rate. A loop that falls behind starts its next operation at once.
    /// </param>
    public static async Task<LoadResult> RunAsync(int concurrency, TimeSpan duration, Func<int, long, ValueTask> operation, TimeSpan? warmup = null, TimeSpan? pacing = null)
    {
        await RunLoopsAsync(concurrency, warmup ?? TimeSpan.FromSeconds(1), operation, record: false, pacing);
        var pausedBefore = GC.GetTotalPauseDuration();
        var collectionsBefore = GC.CollectionCount(0);
        var (samples, elapsed) = await RunLoopsAsync(concurrency, duration, operation, record: true, pacing);
        var paused = GC.GetTotalPauseDuration() - pausedBefore;
        var collections = GC.CollectionCount(0) - collectionsBefore;
        var all = samples.SelectMany(s => s).ToArray();
        Array.Sort(all);
        var toMicros = 1_000_000.0 / Stopwatch.Frequency;
        return new LoadResult(
            all.Length / elapsed.TotalSeconds,
            all.Length == 0 ? 0 : all[(int)(all.Length * 0.50)] * toMicros,
            all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(all.Length * 0.99))] * toMicros,
            all.Length,
            paused.TotalMilliseconds,
            collections);
    }

    private static async Task<(List<long>[] Samples, TimeSpan Elapsed)> RunLoopsAsync(int concurrency, TimeSpan duration, Func<int, long, ValueTask> operation, bool record, TimeSpan? pacing)
    {
        // Sized below the large-object threshold: big sample buffers would land on the large-object heap and
        // trigger full collections in the middle of the measurement they are recording.
        var samples = Enumerable.Range(0, concurrency).Select(_ => new List<long>(record ? 4096 : 0)).ToArray();
        var begin = Stopwatch.GetTimestamp();
        var stopAt = begin + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var interval = pacing is { } p ? (long)(p.TotalSeconds * Stopwatch.Frequency) : 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var list = samples[worker];
            var due = begin + interval * worker / concurrency;
            for (long i = 0; ; i++)
            {
                if (interval > 0 && due > Stopwatch.GetTimestamp())
                {
                    await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due));
                }

                var start = Stopwatch.GetTimestamp();
                if (start >= stopAt)
                {
                    return;
                }

                await operation(worker, i);
                if (record)
                {
                    list.Add(Stopwatch.GetTimestamp() - start);
                }

                due += interval;
            }
        })));
        return (samples, clock.Elapsed);
    }
}
