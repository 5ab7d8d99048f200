using System.Diagnostics;
using ParkingGrains.History;
using Xunit.Abstractions;

namespace ParkingGrains.Grains.Tests.History;

/// <summary>
/// The report queries over <see cref="SyntheticHistory"/> (a month, 10 lots, ~100k events): each is timed, checked
/// against totals worked out from the generator's formulas, and together they must take under 5 s — the budget for
/// rendering a month of 10 lots.
/// </summary>
public static class HistoryScale
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    public static async Task MeasureAsync(IParkingHistory history, ITestOutputHelper output, string engine)
    {
        var (from, to) = (SyntheticHistory.MonthStart, SyntheticHistory.MonthEnd);
        var month = (int)(to - from).TotalMinutes;
        var stays = SyntheticHistory.Stays().ToList();
        var paid = stays.Where(s => !s.Forced && s.Leave - 5 < month).ToList();
        var entries = stays.Count(s => s.Entry < month);
        var exits = stays.Count(s => !s.Forced && s.Leave < month);
        var forced = stays.Count(s => s.Forced && s.Leave < month);
        var total = Stopwatch.StartNew();

        var revenue = await TimedAsync(output, engine, "revenue by day x lot x class x method", () => history.GetRevenueAsync(new RevenueQuery(from, to)
        {
            GroupBy = RevenueGrouping.Lot | RevenueGrouping.VehicleClass | RevenueGrouping.PaymentMethod,
        }));
        Assert.Equal(paid.Sum(p => p.Amount), revenue.Sum(r => r.Amount));
        Assert.Equal(paid.Count, revenue.Sum(r => r.Payments));
        Assert.Equal(30, revenue.Select(r => r.Bucket).Distinct().Count());
        Assert.All(revenue, r => Assert.Equal("VND", r.Currency));
        // The synthetic payments have no overpaid field, like those recorded before overpayments were told apart: 0.
        Assert.All(revenue, r => Assert.Equal(0m, r.Overpaid));

        var byHour = await TimedAsync(output, engine, "revenue by hour x lot", () => history.GetRevenueAsync(new RevenueQuery(from, to, HistoryBucket.Hour) { GroupBy = RevenueGrouping.Lot }));
        Assert.Equal(paid.Sum(p => p.Amount), byHour.Sum(r => r.Amount));

        var occupancy = await TimedAsync(output, engine, "occupancy by hour x lot", () => history.GetOccupancyAsync(new OccupancyQuery(from, to, HistoryBucket.Hour)));
        Assert.Equal(SyntheticHistory.Lots * 30 * 24, occupancy.Count);
        Assert.Equal((entries, exits, forced), (occupancy.Sum(o => o.Entries), occupancy.Sum(o => o.Exits), occupancy.Sum(o => o.ForceClosed)));
        Assert.Equal(entries - exits - forced, occupancy.GroupBy(o => o.LotId).Sum(g => g.MaxBy(o => o.Bucket)!.InsideAtEnd));

        // The peak covers the bucket's start and end, and the average lies between nothing and the peak.
        Assert.All(occupancy, o => Assert.True(
            o.PeakInside >= Math.Max(o.InsideAtEnd, o.InsideAtEnd - o.Entries + o.Exits + o.ForceClosed) && o.AverageInside >= 0 && o.AverageInside <= o.PeakInside,
            o.ToString()));

        var byClass = await TimedAsync(output, engine, "occupancy by hour x lot x class", () => history.GetOccupancyAsync(new OccupancyQuery(from, to, HistoryBucket.Hour) { ByVehicleClass = true }));
        Assert.Equal(SyntheticHistory.Lots * 2 * 30 * 24, byClass.Count);
        Assert.Equal(entries, byClass.Sum(o => o.Entries));

        var stayRows = await TimedAsync(output, engine, "stays by day x lot", () => history.GetStaysAsync(new StayQuery(from, to)));
        Assert.Equal(exits + forced, stayRows.Sum(s => s.Stays));

        total.Stop();
        output.WriteLine($"{engine}: all five report queries over {stays.Count * 3:N0} events in {total.ElapsedMilliseconds} ms (budget {Budget.TotalMilliseconds} ms)");
        Assert.True(total.Elapsed < Budget, $"{engine}: the reports took {total.ElapsedMilliseconds} ms, over the {Budget.TotalSeconds} s budget.");
    }

    private static async Task<IReadOnlyList<T>> TimedAsync<T>(ITestOutputHelper output, string engine, string name, Func<Task<IReadOnlyList<T>>> query)
    {
        var watch = Stopwatch.StartNew();
        var result = await query();
        output.WriteLine($"{engine}: {name}: {result.Count:N0} rows in {watch.ElapsedMilliseconds} ms");
        return result;
    }
}
