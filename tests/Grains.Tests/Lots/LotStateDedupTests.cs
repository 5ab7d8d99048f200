using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Lots;
using ParkingGrains.Grains.Lots.Events;

namespace ParkingGrains.Grains.Tests.Lots;

public sealed class LotStateDedupTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void BeyondTheCapacity_TheOldestCommandIdsAreForgotten_InOrder()
    {
        var state = new LotState();
        for (var i = 0; i < LotState.DedupCapacity + 5; i++)
        {
            state.Apply(Denied($"e{i}", T0.AddSeconds(i)));
        }

        Assert.Equal(LotState.DedupCapacity, state.EntryResults.Count);
        Assert.Equal(LotState.DedupCapacity, state.DedupLog.Count);
        Assert.All(Enumerable.Range(0, 5), i => Assert.False(state.EntryResults.ContainsKey($"e{i}")));
        Assert.True(state.EntryResults.ContainsKey("e5"));
        Assert.True(state.EntryResults.ContainsKey($"e{LotState.DedupCapacity + 4}"));
    }

    [Fact]
    public void AfterTheRetentionPeriod_OldIdsAreForgotten_ButTheLastThousandAreKept()
    {
        var state = new LotState();
        for (var i = 0; i < 2000; i++)
        {
            state.Apply(Denied($"old{i}", T0.AddSeconds(i)));
        }

        state.Apply(Denied("new", T0 + LotState.DedupRetention + TimeSpan.FromHours(1)));

        Assert.True(state.EntryResults.ContainsKey("new"));
        Assert.False(state.EntryResults.ContainsKey("old0"));
        Assert.InRange(state.EntryResults.Count, 1000, 1024);
        Assert.True(state.EntryResults.ContainsKey("old1999"));
    }

    private static EntryDenied Denied(string eventId, DateTimeOffset at) =>
        new(eventId, "in", "P1", null, VehicleClass.Car, DenialReason.ClassFull,
            new EntryDecision(eventId, false, DenialReason.ClassFull, "full", null, null, null, false, VehicleClassCounts.Empty), at);
}
