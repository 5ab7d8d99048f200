namespace ParkingGrains.Runtime.Cluster;

/// <summary>
/// Consistent hashing of grain ids over the active silos. Every silo and client holding the same membership view
/// computes the same owner, so a stable cluster has at most one activation per grain; when a silo joins or leaves
/// only the grains on its arcs move.
/// </summary>
internal sealed class PlacementRing
{
    private const int VirtualNodesPerSilo = 30;

    private readonly uint[] _points;
    private readonly SiloAddress[] _owners;

    public PlacementRing(IEnumerable<SiloAddress> silos)
    {
        var points = new List<(uint Point, SiloAddress Silo)>();
        foreach (var silo in silos.Distinct())
        {
            var name = silo.ToString();
            for (var i = 0; i < VirtualNodesPerSilo; i++)
            {
                points.Add((StableHash.Compute(name, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), silo));
            }
        }

        points.Sort((a, b) => a.Point != b.Point ? a.Point.CompareTo(b.Point) : a.Silo.CompareTo(b.Silo));
        _points = points.Select(p => p.Point).ToArray();
        _owners = points.Select(p => p.Silo).ToArray();
        Silos = _owners.Distinct().OrderBy(s => s).ToArray();
    }

    public static PlacementRing Empty { get; } = new([]);

    public IReadOnlyList<SiloAddress> Silos { get; }

    public bool IsEmpty => _points.Length == 0;

    public SiloAddress? GetOwner(GrainId grainId) => GetOwner(grainId.GetUniformHashCode());

    /// <summary>The first ring point at or after the hash, wrapping around.</summary>
    public SiloAddress? GetOwner(uint hash)
    {
        if (_points.Length == 0)
        {
            return null;
        }

        var index = Array.BinarySearch(_points, hash);
        if (index < 0)
        {
            index = ~index;
        }

        return _owners[index == _points.Length ? 0 : index];
    }
}
