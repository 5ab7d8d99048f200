using ParkingGrains.Runtime.Membership;

namespace ParkingGrains.Runtime.Cluster;

/// <summary>One consistent view of the cluster: who is active (and where clients connect to them), who is dead.</summary>
internal sealed class ClusterTopology
{
    public ClusterTopology(int version, IReadOnlyDictionary<SiloAddress, (SiloStatus Status, int GatewayPort)> members)
    {
        Version = version;
        Members = members;
        Ring = new PlacementRing(members.Where(m => m.Value.Status == SiloStatus.Active).Select(m => m.Key));
    }

    public static ClusterTopology Empty { get; } = new(-1, new Dictionary<SiloAddress, (SiloStatus, int)>());

    public int Version { get; }

    public IReadOnlyDictionary<SiloAddress, (SiloStatus Status, int GatewayPort)> Members { get; }

    public PlacementRing Ring { get; }

    public IReadOnlyList<SiloAddress> ActiveSilos => Ring.Silos;

    public bool IsDead(SiloAddress silo) => Members.TryGetValue(silo, out var member) && member.Status == SiloStatus.Dead;

    public bool HasSameMembersAs(ClusterTopology other) =>
        Members.Count == other.Members.Count && Members.All(m => other.Members.TryGetValue(m.Key, out var o) && o == m.Value);
}
