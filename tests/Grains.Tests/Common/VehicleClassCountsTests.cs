using System.Text.Json;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.Grains.Tests.Common;

public sealed class VehicleClassCountsTests
{
    [Fact]
    public void EveryClassIsPresent_AndAddChangesOnlyACopy()
    {
        var counts = VehicleClassCounts.From([3, 7]);
        var more = counts.Add(VehicleClass.Car, 1);

        Assert.Equal(
            [KeyValuePair.Create(VehicleClass.Motorcycle, 3), KeyValuePair.Create(VehicleClass.Car, 7), KeyValuePair.Create(VehicleClass.Van, 0), KeyValuePair.Create(VehicleClass.Bus, 0)],
            counts.ToList());
        Assert.Equal(8, more[VehicleClass.Car]);
        Assert.Equal(7, counts[VehicleClass.Car]);
        Assert.False(counts.TryGetValue((VehicleClass)9, out _));
        Assert.Throws<KeyNotFoundException>(() => counts[(VehicleClass)9]);
    }

    [Fact]
    public void EqualCounts_AreEqual()
    {
        Assert.Equal(VehicleClassCounts.From([1, 2, 3, 4]), VehicleClassCounts.From([1, 2, 3, 4]));
        Assert.NotEqual(VehicleClassCounts.From([1, 2, 3, 4]), VehicleClassCounts.From([1, 2, 3, 5]));
        Assert.Equal(VehicleClassCounts.From([1, 2, 3, 4]).GetHashCode(), VehicleClassCounts.From([1, 2, 3, 4]).GetHashCode());
    }

    [Fact]
    public void OnTheWire_ItIsTheSameObjectAsAnyDictionary()
    {
        var decision = new EntryDecision("e1", false, DenialReason.ClassFull, "full", null, null, null, false, VehicleClassCounts.From([0, 2]));
        var json = JsonSerializer.Serialize(decision);
        var read = JsonSerializer.Deserialize<EntryDecision>(json)!;

        Assert.Contains("\"FreeCounts\":{\"Motorcycle\":0,\"Car\":2,\"Van\":0,\"Bus\":0}", json, StringComparison.Ordinal);
        Assert.Equal(2, read.FreeCounts[VehicleClass.Car]);
        Assert.Equal(4, read.FreeCounts.Count);
    }
}
