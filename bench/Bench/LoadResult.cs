namespace ParkingGrains.Bench;

/// <summary>Throughput and latency percentiles of one measured run, with the garbage-collection pauses inside it.</summary>
public sealed record LoadResult(double PerSecond, double P50Microseconds, double P99Microseconds, long Operations, double GcPauseMilliseconds, int GcCount);
