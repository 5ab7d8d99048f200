namespace ParkingGrains.Bench;

/// <summary>./bench.sh cluster: not ported yet.</summary>
public static class ClusterBenchmark
{
    public static Task<int> RunAsync(string postgres, TimeSpan duration, string folder)
    {
        _ = (postgres, duration, folder);
        Console.Error.WriteLine("the 'cluster' benchmark is not implemented yet");
        return Task.FromResult(3);
    }
}
