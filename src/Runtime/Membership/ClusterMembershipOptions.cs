namespace ParkingGrains.Runtime.Membership;

/// <summary>
/// Timing of the membership protocol. The defaults declare a crashed silo dead in about 6–8 s and a hung one in
/// about 8–10 s (well inside 15 s): a victim is missed <see cref="NumMissedProbesLimit"/> times at most every
/// max(<see cref="ProbePeriod"/>, <see cref="ProbeTimeout"/>), then its probers' votes are written within one more
/// period. Orleans' own defaults (ProbeTimeout 5 s, 3 misses, 2 votes) detect in 10–20 s.
/// </summary>
public sealed class ClusterMembershipOptions
{
    /// <summary>How many other active silos each silo probes (the next ones after itself on the hash ring).</summary>
    public int NumProbedSilos { get; set; } = 3;

    public TimeSpan ProbePeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A probe not answered within this time is a miss.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Consecutive misses after which this silo writes a suspect vote against the target.</summary>
    public int NumMissedProbesLimit { get; set; } = 3;

    /// <summary>Distinct fresh votes that declare a silo dead (fewer when fewer other active silos exist).</summary>
    public int NumVotesForDeathDeclaration { get; set; } = 2;

    /// <summary>Votes older than this are ignored and dropped from the row.</summary>
    public TimeSpan DeathVoteExpiration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the table is read even without gossip.</summary>
    public TimeSpan TableRefreshPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often this silo refreshes its IAmAliveTime (diagnostic only; never changes the table version).</summary>
    public TimeSpan IAmAlivePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Bound on each gossip call.</summary>
    public TimeSpan GossipTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Conflicting attempts at a vote (then retried next probe round) or a leave write (then it throws).
    /// Joining retries until its cancellation token fires.</summary>
    public int MaxWriteAttempts { get; set; } = 20;

    /// <summary>Throws if the options cannot work, e.g. more votes needed than silos probing a victim.</summary>
    public void Validate()
    {
        Positive(ProbePeriod, nameof(ProbePeriod));
        Positive(ProbeTimeout, nameof(ProbeTimeout));
        Positive(DeathVoteExpiration, nameof(DeathVoteExpiration));
        Positive(TableRefreshPeriod, nameof(TableRefreshPeriod));
        Positive(IAmAlivePeriod, nameof(IAmAlivePeriod));
        Positive(GossipTimeout, nameof(GossipTimeout));
        AtLeastOne(NumProbedSilos, nameof(NumProbedSilos));
        AtLeastOne(NumMissedProbesLimit, nameof(NumMissedProbesLimit));
        AtLeastOne(NumVotesForDeathDeclaration, nameof(NumVotesForDeathDeclaration));
        AtLeastOne(MaxWriteAttempts, nameof(MaxWriteAttempts));

        // In a large cluster a victim is probed by about NumProbedSilos silos; if more votes are needed it never dies.
        if (NumVotesForDeathDeclaration > NumProbedSilos)
        {
            throw new ArgumentException(
                $"{nameof(NumVotesForDeathDeclaration)} ({NumVotesForDeathDeclaration}) cannot exceed {nameof(NumProbedSilos)} ({NumProbedSilos}).");
        }
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
        }
    }

    private static void AtLeastOne(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1.");
        }
    }
}
