namespace ParkingGrains.Bench.Gate;

/// <summary>What <see cref="AgentProcessProbe"/> measured of one gate agent process (ms from its start; MB from /proc).</summary>
public sealed record AgentProbeResult(
    double StartupMilliseconds,
    double ConnectedMilliseconds,
    double PeakRssMegabytes,
    double RssAtReadyMegabytes,
    int Threads,
    int Vehicles,
    int Unsure,
    string Log);
