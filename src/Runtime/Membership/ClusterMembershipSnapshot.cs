namespace ParkingGrains.Runtime.Membership;

/// <summary>
/// One consistent view of the cluster as of a table version: every silo's status and the active silos, sorted by
/// address, with their gateway ports (what placement and clients need).
/// </summary>
public sealed record ClusterMembershipSnapshot(
    int Version,
    IReadOnlyDictionary<SiloAddress, SiloStatus> Silos,
    IReadOnlyList<ClusterMember> ActiveSilos)
{
    public static ClusterMembershipSnapshot Empty { get; } = new(-1, new Dictionary<SiloAddress, SiloStatus>(), []);

    public static ClusterMembershipSnapshot From(MembershipTableData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var silos = data.Rows.ToDictionary(r => r.Entry.SiloAddress, r => r.Entry.Status);
        var active = data.Rows
            .Where(r => r.Entry.Status == SiloStatus.Active)
            .Select(r => new ClusterMember(r.Entry.SiloAddress, r.Entry.GatewayPort))
            .OrderBy(m => m.SiloAddress)
            .ToArray();
        return new ClusterMembershipSnapshot(data.Version.Version, silos, active);
    }

    /// <summary>The status recorded for <paramref name="silo"/>, or <see cref="SiloStatus.None"/> if it has no row.</summary>
    public SiloStatus GetStatus(SiloAddress silo) => Silos.TryGetValue(silo, out var status) ? status : SiloStatus.None;

    public bool IsActive(SiloAddress silo) => GetStatus(silo) == SiloStatus.Active;

    /// <summary>True when both snapshots agree on every silo's status and the active silos' gateways; the version
    /// alone may differ (a suspect vote bumps it without changing anyone's status).</summary>
    public bool HasSameMembership(ClusterMembershipSnapshot other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Silos.Count == other.Silos.Count
            && Silos.All(s => other.Silos.TryGetValue(s.Key, out var status) && status == s.Value)
            && ActiveSilos.SequenceEqual(other.ActiveSilos);
    }
}
