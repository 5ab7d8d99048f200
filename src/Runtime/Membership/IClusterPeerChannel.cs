namespace ParkingGrains.Runtime.Membership;

/// <summary>
/// What the membership agent needs from the silo transport; the runtime implements it over its silo-to-silo
/// connections (tests use an in-process fake).
/// </summary>
public interface IClusterPeerChannel
{
    /// <summary>
    /// Pings <paramref name="target"/> and completes when it answered. Throws (or is cancelled) when it did not:
    /// connection refused, transport error, or no answer within <paramref name="timeout"/>. The agent also enforces
    /// the timeout itself, so an implementation that ignores it only wastes a pending call.
    /// </summary>
    Task ProbeAsync(SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>
    /// Best effort: tells <paramref name="target"/> that the membership table changed, so it should call
    /// <see cref="MembershipAgent.RefreshAsync"/> now instead of waiting for its next periodic read. Failures are
    /// logged and otherwise ignored.
    /// </summary>
    Task GossipAsync(SiloAddress target, CancellationToken cancellationToken);
}
