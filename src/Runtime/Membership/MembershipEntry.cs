namespace ParkingGrains.Runtime.Membership;

/// <summary>One silo's row in the membership table.</summary>
public sealed record MembershipEntry
{
    public required SiloAddress SiloAddress { get; init; }

    public required SiloStatus Status { get; init; }

    /// <summary>Port for client connections (0 when the silo is not a gateway).</summary>
    public int GatewayPort { get; init; }

    public string SiloName { get; init; } = "";

    public string HostName { get; init; } = "";

    public DateTimeOffset StartTime { get; init; }

    public DateTimeOffset IAmAliveTime { get; init; }

    /// <summary>Who suspected this silo and when; enough distinct recent votes declare it dead.</summary>
    public IReadOnlyList<SuspectVote> SuspectTimes { get; init; } = [];
}
