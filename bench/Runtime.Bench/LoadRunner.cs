using System.Diagnostics;

namespace ParkingGrains.Bench;

/// <summary>Runs N concurrent loops of one async operation for a fixed time after a warm-up, recording each latency.</summary>
public static class LoadRunner
{
    /// <param name="pacing">When set, each loop starts an operation at most once per pacing interval (open-loop load at a fixed rate).</param>
    public static async Task<LoadResult> RunAsync(int concurrency, TimeSpan duration, Func<int, long, ValueTask> operation, TimeSpan? warmup = null, TimeSpan? pacing = null)
    {
        await RunLoopsAsync(concurrency, warmup ?? TimeSpan.FromSeconds(1), operation, record: false, pacing);
        var (samples, elapsed) = await RunLoopsAsync(concurrency, duration, operation, record: true, pacing);
        var all = samples.SelectMany(s => s).ToArray();
        Array.Sort(all);
        var toMicros = 1_000_000.0 / Stopwatch.Frequency;
        return new LoadResult(
            all.Length / elapsed.TotalSeconds,
            all.Length == 0 ? 0 : all[(int)(all.Length * 0.50)] * toMicros,
            all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(all.Length * 0.99))] * toMicros,
            all.Length);
    }

    private static async Task<(List<long>[] Samples, TimeSpan Elapsed)> RunLoopsAsync(int concurrency, TimeSpan duration, Func<int, long, ValueTask> operation, bool record, TimeSpan? pacing)
    {
        var samples = Enumerable.Range(0, concurrency).Select(_ => new List<long>(1 << 16)).ToArray();
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var list = samples[worker];
            for (long i = 0; ; i++)
            {
                var start = Stopwatch.GetTimestamp();
                if (start >= stopAt)
                {
                    return;
                }

                await operation(worker, i);
                var took = Stopwatch.GetTimestamp() - start;
                if (record)
                {
                    list.Add(took);
                }

                if (pacing is { } interval && Stopwatch.GetElapsedTime(start) < interval)
                {
                    await Task.Delay(interval - Stopwatch.GetElapsedTime(start));
                }
            }
        })));
        return (samples, clock.Elapsed);
    }
}
