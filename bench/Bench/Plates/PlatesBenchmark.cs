using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ParkingGrains.PlateFixtures;
using ParkingGrains.PlateRecognition;

namespace ParkingGrains.Bench.Plates;

/// <summary>
/// ./bench.sh plates: the plate reader on the generated fixture set (tools/plate-fixtures), on one core as a lane
/// box would run it: exact whole-plate accuracy per variant, ms per image for crops (read directly) and 1024×600
/// scenes (detector first), the share of reads sent to the operator, confident wrong reads, and peak RSS.
/// Writes bench/results/plates.json. Needs ImageMagick for the fixtures and the models from npm; no servers.
/// </summary>
public static class PlatesBenchmark
{
    private const int Crops = 150;
    private const int Scenes = 60;
    private const int TimedPasses = 3;

    public static async Task<int> RunAsync(string resultsFolder, double loadAverage)
    {
        // One core, as the targets are stated: the process (GC included) may use only the first processor.
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        ProcessMemory.ResetPeak();
        var set = PlateFixtureSet.Get(Crops, Scenes);
        using var reader = new OnnxPlateReader();
        var threshold = reader.Options.ConfirmThreshold;
        var crops = Measure(reader, [.. set.Crops], threshold);
        var scenes = Measure(reader, [.. set.Scenes], threshold);
        var results = new Dictionary<string, object>
        {
            ["crop_accuracy"] = crops.Accuracy,
            ["scene_accuracy"] = scenes.Accuracy,
            ["crop_p50_ms"] = crops.P50,
            ["crop_p99_ms"] = crops.P99,
            ["scene_p50_ms"] = scenes.P50,
            ["scene_p99_ms"] = scenes.P99,
            ["crop_to_operator"] = crops.ToOperator,
            ["scene_to_operator"] = scenes.ToOperator,
            ["crop_confident_wrong"] = crops.ConfidentWrong,
            ["scene_confident_wrong"] = scenes.ConfidentWrong,
            ["confirm_threshold"] = threshold,
            ["crops"] = crops.Count,
            ["scenes"] = scenes.Count,
            ["timed_passes"] = TimedPasses,
            ["accuracy_by_variant"] = crops.ByVariant.Concat(scenes.ByVariant).OrderBy(v => v.Key, StringComparer.Ordinal)
                .ToDictionary(v => v.Key, v => v.Value),
            ["peak_rss_mb"] = ProcessMemory.PeakMegabytes(),
            ["intra_op_threads"] = reader.Options.IntraOpNumThreads,
            ["detector_max_side"] = reader.Options.DetectorMaxSide,
            ["load_average_1m"] = loadAverage,
            ["processor_count"] = Environment.ProcessorCount,
        };
        await File.WriteAllTextAsync(Path.Combine(resultsFolder, "plates.json"), JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));

        Console.WriteLine();
        Console.WriteLine($"{"plates (one core)",-20} {"exact",8} {"target",8} {"p50 ms",8} {"p99 ms",8} {"target p50",11} {"to operator",12} {"confident wrong",16}");
        Console.WriteLine($"{"crops",-20} {crops.Accuracy,8:P1} {"≥ 97%",8} {crops.P50,8:0.0} {crops.P99,8:0.0} {"≤ 40",11} {crops.ToOperator,12:P1} {crops.ConfidentWrong,16}");
        Console.WriteLine($"{"scenes 1024×600",-20} {scenes.Accuracy,8:P1} {"≥ 92%",8} {scenes.P50,8:0.0} {scenes.P99,8:0.0} {"≤ 150",11} {scenes.ToOperator,12:P1} {scenes.ConfidentWrong,16}");
        foreach (var (variant, accuracy) in crops.ByVariant.Concat(scenes.ByVariant).OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {variant,-30} {accuracy,7:P1}");
        }

        var passed = crops.Accuracy >= 0.97 && scenes.Accuracy >= 0.92 && crops.P50 <= 40 && scenes.P50 <= 150;
        Console.WriteLine($"peak RSS {results["peak_rss_mb"]} MB → {(passed ? "PASS" : "FAIL")} (targets: accuracy and p50 as above)");
        return 0;
    }

    private static Result Measure(OnnxPlateReader reader, PlateFixture[] fixtures, double threshold)
    {
        var images = fixtures.Select(f => File.ReadAllBytes(f.Path)).ToArray();
        // Warm-up: the first inferences allocate ONNX Runtime's arenas and JIT-compile the pipeline.
        for (var i = 0; i < Math.Min(5, images.Length); i++)
        {
            reader.Read(images[i]);
        }

        var reads = fixtures.Select((_, i) => reader.Read(images[i])).ToArray();
        var times = new List<double>();
        for (var pass = 0; pass < TimedPasses; pass++)
        {
            for (var i = 0; i < images.Length; i++)
            {
                var clock = Stopwatch.StartNew();
                reader.Read(images[i]);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        var exact = fixtures.Select((f, i) => reads[i].Text == f.Expected).ToArray();
        var byVariant = fixtures.Select((f, i) => (f.Variant, Exact: exact[i])).GroupBy(r => r.Variant)
            .ToDictionary(g => g.Key, g => Math.Round(g.Count(r => r.Exact) / (double)g.Count(), 4));
        return new Result(
            fixtures.Length,
            Math.Round(exact.Count(e => e) / (double)fixtures.Length, 4),
            Math.Round(Percentile(times, 0.50), 1),
            Math.Round(Percentile(times, 0.99), 1),
            Math.Round(reads.Count(r => !r.IsConfident(threshold)) / (double)fixtures.Length, 4),
            reads.Where((r, i) => r.IsConfident(threshold) && !exact[i]).Count(),
            byVariant);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed record Result(int Count, double Accuracy, double P50, double P99, double ToOperator, int ConfidentWrong, Dictionary<string, double> ByVariant);
}
