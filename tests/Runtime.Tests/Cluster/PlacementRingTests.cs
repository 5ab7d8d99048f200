using System.Net;
using ParkingGrains.Runtime.Cluster;

namespace ParkingGrains.Runtime.Tests.Cluster;

public sealed class PlacementRingTests
{
    private static readonly SiloAddress[] s_silos = Enumerable.Range(0, 3)
        .Select(i => new SiloAddress(new IPEndPoint(IPAddress.Loopback, 11111 + i), 1000 + i)).ToArray();

    [Fact]
    public void EveryProcessComputesTheSameOwner_RegardlessOfOrder()
    {
        var first = new PlacementRing(s_silos);
        var second = new PlacementRing(s_silos.Reverse());
        for (var i = 0; i < 1000; i++)
        {
            var grain = new GrainId("lot", $"LOT-{i}");
            Assert.Equal(first.GetOwner(grain), second.GetOwner(grain));
        }
    }

    [Fact]
    public void GrainsSpreadOverAllSilos()
    {
        var ring = new PlacementRing(s_silos);
        var counts = Enumerable.Range(0, 3000).GroupBy(i => ring.GetOwner(new GrainId("slot", $"S-{i}"))).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(3, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 600, 1400));
    }

    [Fact]
    public void RemovingASilo_MovesOnlyItsGrains()
    {
        var before = new PlacementRing(s_silos);
        var after = new PlacementRing(s_silos.Take(2));
        for (var i = 0; i < 2000; i++)
        {
            var grain = new GrainId("gate", $"G-{i}");
            var owner = before.GetOwner(grain)!;
            if (!owner.Equals(s_silos[2]))
            {
                Assert.Equal(owner, after.GetOwner(grain));
            }
        }
    }

    [Fact]
    public void EmptyRing_HasNoOwner() => Assert.Null(PlacementRing.Empty.GetOwner(new GrainId("lot", "x")));
}
