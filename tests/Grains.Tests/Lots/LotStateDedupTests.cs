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

    [Fact]
    public void Finding4_OneCommandDatedYear9999_DoesNotEmptyTheMemory_ForIdsArePrunedByServerTime()
    {
        var state = new LotState();
        state.Apply(Denied("first", T0));
        for (var i = 0; i < 1_100; i++)
        {
            state.Apply(Denied($"other{i}", T0.AddSeconds(i)));
        }

        state.Apply(Denied("far", T0.AddSeconds(1_200)) with { OccurredAt = new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero) });

        Assert.True(state.EntryResults.ContainsKey("first"));
        Assert.Equal(1_102, state.EntryResults.Count);
    }

    [Fact]
    public void Finding1_EventsDatedAtTheEndsOfTheCalendar_ApplyWithoutThrowing_AlsoFromOldVersionsWithoutAServerTime()
    {
        var state = new LotState();
        state.Apply(Denied("year1", T0) with { OccurredAt = DateTimeOffset.MinValue, RecordedAt = null });
        state.Apply(Denied("year1-server", DateTimeOffset.MinValue));
        state.Apply(Denied("year9999", DateTimeOffset.MaxValue));
        for (var i = 0; i < 1_100; i++)
        {
            state.Apply(Denied($"other{i}", T0.AddSeconds(i)) with { RecordedAt = null });
        }

        Assert.True(state.EntryResults.ContainsKey("year1"));
    }

    // Decided by the server at `at` (the command's own time is the same here; pruning never looks at it).
    private static EntryDenied Denied(string eventId, DateTimeOffset at) =>
        new(eventId, "in", "P1", null, VehicleClass.Car, DenialReason.ClassFull,
            new EntryDecision(eventId, false, DenialReason.ClassFull, "full", null, null, null, false, VehicleClassCounts.Empty), at) { RecordedAt = at };
}
