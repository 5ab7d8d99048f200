namespace ParkingGrains.Grains.Interfaces.Calls;

/// <summary>
/// Timeouts silos and clients share. Orleans' defaults (30 s response timeout) make a failover take as long as the
/// timeout; these were measured to recover from a killed silo in under 10 s (PACKAGES.md).
/// </summary>
public static class ClusterTimeouts
{
    /// <summary>A grain call that has no answer by then fails, so an idempotent call can be retried on a survivor.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How often a client re-reads the gateway list, dropping dead silos.</summary>
    public static readonly TimeSpan GatewayListRefreshPeriod = TimeSpan.FromSeconds(5);
}
