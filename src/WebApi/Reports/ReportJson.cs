using ParkingGrains.History;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.WebApi.Reports;

/// <summary>
/// The reports as JSON for the dashboard's charts: the same history queries as <see cref="ReportBuilder"/>, with raw
/// numbers instead of formatted cells, and period labels identical to the HTML/CSV/PDF tables.
/// </summary>
internal static class ReportJson
{
    public static async Task<RevenueReport> RevenueAsync(IParkingHistory history, ReportParameters p, string zoneId, CancellationToken cancellationToken)
    {
        var rows = await history.GetRevenueAsync(new RevenueQuery(p.From, p.To, p.Bucket)
        {
            LotIds = p.LotId is null ? null : [p.LotId],
            GroupBy = p.By,
            TimeZoneId = p.Zone?.Id,
        }, cancellationToken);

        var totals = rows.GroupBy(r => r.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RevenueTotal(g.Key, g.Sum(r => r.Amount), g.Sum(r => r.Payments), g.Sum(r => r.Overpaid)))
            .ToList();
        return new RevenueReport("revenue", p.LotId, Scope(p), p.From, p.To, zoneId, GroupBy(p), Splits(p.By), Labels(p),
            rows.Select(r => new RevenueReportRow(ReportBuilder.Period(r.Bucket, p.Bucket), r.LotId, r.VehicleClass, r.Method, r.Currency, r.Amount, r.Payments, r.Overpaid)).ToList(),
            totals, DateTimeOffset.UtcNow);
    }

    /// <param name="lotNames">The lot directory: names, and which lots have a lot grain to read the capacity from.</param>
    public static async Task<OccupancyReport> OccupancyAsync(
        IParkingHistory history, IGrainFactory grains, ReportParameters p, string zoneId, IReadOnlyDictionary<string, string> lotNames, CancellationToken cancellationToken)
    {
        var byClass = p.By.HasFlag(RevenueGrouping.VehicleClass);
        var rows = await history.GetOccupancyAsync(new OccupancyQuery(p.From, p.To, p.Bucket)
        {
            LotIds = p.LotId is null ? null : [p.LotId],
            ByVehicleClass = byClass,
            TimeZoneId = p.Zone?.Id,
        }, cancellationToken);

        // Capacity from the current layout of each lot in the directory; a lot known only from its log (written there
        // by something other than a lot grain) has none, so its percentages stay null.
        var lots = new List<LotCapacity>();
        foreach (var lotId in rows.Select(r => r.LotId).Append(p.LotId).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var layout = lotId == p.LotId && p.Layout is not null ? p.Layout
                : lotNames.ContainsKey(lotId) ? await grains.GetGrain<ILotGrain>(lotId).GetLayout()
                : null;
            if (layout is not null)
            {
                lots.Add(Capacity(layout, lotNames.GetValueOrDefault(lotId, layout.Name)));
            }
        }

        var capacity = lots.ToDictionary(l => l.LotId, StringComparer.Ordinal);
        var ordered = rows.OrderBy(r => r.Bucket).ThenBy(r => r.LotId, StringComparer.Ordinal).ThenBy(r => r.VehicleClass).Select(r =>
        {
            int? slots = capacity.TryGetValue(r.LotId, out var lot)
                ? r.VehicleClass is { } vehicleClass ? lot.Classes.GetValueOrDefault(vehicleClass) : lot.Slots
                : null;
            return new OccupancyReportRow(ReportBuilder.Period(r.Bucket, p.Bucket), r.LotId, r.VehicleClass, r.Entries, r.Exits, r.ForceClosed, r.InsideAtEnd,
                r.PeakInside, r.AverageInside, slots, Percent(r.PeakInside, slots), Percent(r.AverageInside, slots));
        }).ToList();

        var insideAtEnd = rows.GroupBy(r => (r.LotId, r.VehicleClass)).Sum(g => g.MaxBy(r => r.Bucket)!.InsideAtEnd);
        var totals = new OccupancyTotals(rows.Sum(r => r.Entries), rows.Sum(r => r.Exits), rows.Sum(r => r.ForceClosed), insideAtEnd);
        return new OccupancyReport("occupancy", p.LotId, Scope(p), p.From, p.To, zoneId, GroupBy(p), Splits(p.By), Labels(p), lots, ordered, totals,
            DateTimeOffset.UtcNow);
    }

    private static LotCapacity Capacity(LotLayout layout, string name) =>
        new(layout.LotId, name, layout.Slots.Count, layout.Slots.GroupBy(s => s.Size).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()));

    private static double? Percent(double? inside, int? slots) =>
        inside is { } n && slots is > 0 ? Math.Round(100 * n / slots.Value, 1) : null;

    private static string Scope(ReportParameters p) => p.Layout is { } layout ? $"{layout.Name} ({layout.LotId})" : "All lots";

    private static string GroupBy(ReportParameters p) => p.Bucket == HistoryBucket.Day ? "day" : "hour";

    private static List<string> Labels(ReportParameters p) => ReportBuilder.Buckets(p).Select(b => ReportBuilder.Period(b, p.Bucket)).ToList();

    private static List<string> Splits(RevenueGrouping by)
    {
        var splits = new List<string>(3);
        if (by.HasFlag(RevenueGrouping.Lot))
        {
            splits.Add("lot");
        }

        if (by.HasFlag(RevenueGrouping.VehicleClass))
        {
            splits.Add("class");
        }

        if (by.HasFlag(RevenueGrouping.PaymentMethod))
        {
            splits.Add("method");
        }

        return splits;
    }
}
