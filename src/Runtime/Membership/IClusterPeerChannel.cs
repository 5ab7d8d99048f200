namespace ParkingGrains.Runtime.Membership;

/// <summary>How the membership agent reaches other silos: the silo transport implements it.</summary>
public interface IClusterPeerChannel
{
    /// <summary>Completes when the target answered; throws when it did not within the timeout.</summary>
    Task ProbeAsync(SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Best effort: tells the target the membership table changed.</summary>
    Task GossipAsync(SiloAddress target, CancellationToken cancellationToken);
}
