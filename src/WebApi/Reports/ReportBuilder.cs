using System.Globalization;
using ParkingGrains.History;

namespace ParkingGrains.WebApi.Reports;

/// <summary>Turns history rows into a <see cref="ReportDocument"/>: columns, formatted cells, totals and the chart series.</summary>
internal static class ReportBuilder
{
    public static async Task<ReportDocument> RevenueAsync(
        IParkingHistory history, ReportParameters p, IReadOnlyDictionary<string, string> lotNames, CancellationToken cancellationToken)
    {
        var rows = await history.GetRevenueAsync(new RevenueQuery(p.From, p.To, p.Bucket)
        {
            LotIds = p.LotId is null ? null : [p.LotId],
            GroupBy = p.By,
            TimeZoneId = p.Zone?.Id,
        }, cancellationToken);

        var byLot = p.By.HasFlag(RevenueGrouping.Lot);
        var byClass = p.By.HasFlag(RevenueGrouping.VehicleClass);
        var byMethod = p.By.HasFlag(RevenueGrouping.PaymentMethod);
        var columns = new List<ReportColumn> { new("Period") };
        AddIf(columns, byLot, new ReportColumn("Lot"));
        AddIf(columns, byClass, new ReportColumn("Vehicle class"));
        AddIf(columns, byMethod, new ReportColumn("Payment method"));
        columns.Add(new ReportColumn("Payments", Numeric: true));
        columns.Add(new ReportColumn("Amount", Numeric: true));
        columns.Add(new ReportColumn("Currency", CsvOnly: true));
        // Appended after the currency so existing CSV readers keep their column positions; in HTML and PDF, where the
        // currency folds into the amount, it stands next to the amount.
        columns.Add(new ReportColumn("Overpaid", Numeric: true));

        var cells = new List<IReadOnlyList<ReportCell>>(rows.Count);
        foreach (var row in rows)
        {
            var line = new List<ReportCell> { ReportCell.Label(Period(row.Bucket, p.Bucket)) };
            AddIf(line, byLot, LotCell(row.LotId, lotNames));
            AddIf(line, byClass, ReportCell.Label(Name(row.VehicleClass)));
            AddIf(line, byMethod, ReportCell.Label(Name(row.Method)));
            line.Add(Count(row.Payments));
            line.Add(Money(row.Amount, row.Currency));
            line.Add(ReportCell.Label(row.Currency));
            line.Add(Money(row.Overpaid, row.Currency));
            cells.Add(line);
        }

        // Currencies are never summed across: one total line each.
        var blanks = columns.Count - 5;
        var totals = rows.GroupBy(r => r.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var line = new List<ReportCell> { ReportCell.Label("Total") };
                line.AddRange(Enumerable.Repeat(ReportCell.Label(""), blanks));
                line.Add(Count(g.Sum(r => r.Payments)));
                line.Add(Money(g.Sum(r => r.Amount), g.Key));
                line.Add(ReportCell.Label(g.Key));
                line.Add(Money(g.Sum(r => r.Overpaid), g.Key));
                return (IReadOnlyList<ReportCell>)line;
            })
            .ToList();

        // The chart shows the currency with the most revenue (all of it, for a single lot).
        var currency = rows.GroupBy(r => r.Currency, StringComparer.Ordinal).OrderByDescending(g => g.Sum(r => r.Amount)).FirstOrDefault()?.Key
            ?? p.Layout?.Currency ?? "";
        var perBucket = rows.Where(r => r.Currency == currency).GroupBy(r => r.Bucket).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount));
        var chart = Buckets(p).Select(b =>
        {
            var amount = perBucket.GetValueOrDefault(b);
            return new ChartBar(Period(b, p.Bucket), (double)amount, currency.Length > 0 ? CurrencyFormat.Format(amount, currency) : "0");
        }).ToList();

        return Document(p, "Revenue", columns, cells, totals, $"Revenue per {Unit(p.Bucket)}" + (currency.Length > 0 ? $" ({currency})" : ""), chart);
    }

    public static async Task<ReportDocument> OccupancyAsync(
        IParkingHistory history, ReportParameters p, IReadOnlyDictionary<string, string> lotNames, CancellationToken cancellationToken)
    {
        var byClass = p.By.HasFlag(RevenueGrouping.VehicleClass);
        var rows = await history.GetOccupancyAsync(new OccupancyQuery(p.From, p.To, p.Bucket)
        {
            LotIds = p.LotId is null ? null : [p.LotId],
            ByVehicleClass = byClass,
            TimeZoneId = p.Zone?.Id,
        }, cancellationToken);

        var columns = new List<ReportColumn> { new("Period"), new("Lot") };
        AddIf(columns, byClass, new ReportColumn("Vehicle class"));
        columns.AddRange([new("Entries", true), new("Exits", true), new("Force-closed", true), new("Inside at end", true), new("Peak inside", true), new("Average inside", true)]);

        // Time first, then lot: the table reads like the chart.
        var ordered = rows.OrderBy(r => r.Bucket).ThenBy(r => r.LotId, StringComparer.Ordinal).ThenBy(r => r.VehicleClass).ToList();
        var cells = new List<IReadOnlyList<ReportCell>>(ordered.Count);
        foreach (var row in ordered)
        {
            var line = new List<ReportCell> { ReportCell.Label(Period(row.Bucket, p.Bucket)), LotCell(row.LotId, lotNames) };
            AddIf(line, byClass, ReportCell.Label(Name(row.VehicleClass)));
            line.AddRange([Count(row.Entries), Count(row.Exits), Count(row.ForceClosed), Count(row.InsideAtEnd), Level(row.PeakInside), Average(row.AverageInside)]);
            cells.Add(line);
        }

        // Inside at the end of the range: the last bucket of every lot (and class) series.
        var insideAtEnd = rows.GroupBy(r => (r.LotId, r.VehicleClass)).Sum(g => g.MaxBy(r => r.Bucket)!.InsideAtEnd);
        var total = new List<ReportCell> { ReportCell.Label("Total"), ReportCell.Label("") };
        AddIf(total, byClass, ReportCell.Label(""));
        // Peaks and averages of different buckets, lots or classes do not add up: no total for them.
        total.AddRange([Count(rows.Sum(r => r.Entries)), Count(rows.Sum(r => r.Exits)), Count(rows.Sum(r => r.ForceClosed)), Count(insideAtEnd), ReportCell.Label(""), ReportCell.Label("")]);

        var entries = rows.GroupBy(r => r.Bucket).ToDictionary(g => g.Key, g => g.Sum(r => r.Entries));
        var chart = Buckets(p).Select(b =>
        {
            var n = entries.GetValueOrDefault(b);
            return new ChartBar(Period(b, p.Bucket), n, n.ToString("N0", CultureInfo.InvariantCulture));
        }).ToList();

        return Document(p, "Occupancy", columns, cells, [total], $"Entries per {Unit(p.Bucket)}", chart);
    }

    private static ReportDocument Document(
        ReportParameters p, string kind, List<ReportColumn> columns, List<IReadOnlyList<ReportCell>> rows, IReadOnlyList<IReadOnlyList<ReportCell>> totals,
        string chartTitle, List<ChartBar> chart)
    {
        var zone = p.Zone ?? TimeZoneInfo.Utc;
        string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        // The name is the operator's text: isolated (FSI … PDI), so a right-to-left override in old data cannot reorder the id after it.
        var scope = p.Layout is { } layout ? $"\u2068{layout.Name}\u2069 ({layout.LotId})" : "All lots";
        return new ReportDocument(kind, $"{kind} — {scope}", scope, $"{Local(p.From)} – {Local(p.To)}", zone.Id, columns, rows, totals, chartTitle, chart,
            DateTimeOffset.UtcNow);
    }

    /// <summary>Every local bucket start of the range, so days or hours without activity still get their (empty) bar.</summary>
    internal static IEnumerable<DateTime> Buckets(ReportParameters p)
    {
        var zone = p.Zone ?? TimeZoneInfo.Utc;
        var first = Truncate(TimeZoneInfo.ConvertTime(p.From, zone).DateTime, p.Bucket);
        var last = Truncate(TimeZoneInfo.ConvertTime(p.To.AddTicks(-1), zone).DateTime, p.Bucket);
        for (var at = first; at <= last; at = p.Bucket == HistoryBucket.Day ? at.AddDays(1) : at.AddHours(1))
        {
            yield return at;
        }
    }

    private static DateTime Truncate(DateTime local, HistoryBucket bucket) =>
        bucket == HistoryBucket.Day ? local.Date : new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified);

    internal static string Period(DateTime bucket, HistoryBucket unit) =>
        bucket.ToString(unit == HistoryBucket.Day ? "yyyy-MM-dd" : "yyyy-MM-dd HH:00", CultureInfo.InvariantCulture);

    private static string Unit(HistoryBucket bucket) => bucket == HistoryBucket.Day ? "day" : "hour";

    private static ReportCell LotCell(string? lotId, IReadOnlyDictionary<string, string> names) =>
        lotId is null ? ReportCell.Label("") : new ReportCell(names.TryGetValue(lotId, out var name) ? name : lotId, lotId);

    private static ReportCell Count(long n) =>
        new(n.ToString("N0", CultureInfo.InvariantCulture), n.ToString(CultureInfo.InvariantCulture), Numeric: true);

    // Empty for a bucket that has not begun.
    private static ReportCell Level(long? n) => n is { } value ? Count(value) : new ReportCell("", "", Numeric: true);

    private static ReportCell Average(double? n) =>
        n is { } value
            ? new ReportCell(value.ToString("N2", CultureInfo.InvariantCulture), value.ToString(CultureInfo.InvariantCulture), Numeric: true)
            : new ReportCell("", "", Numeric: true);

    private static ReportCell Money(decimal amount, string currency) =>
        new(CurrencyFormat.Format(amount, currency), amount.ToString(CultureInfo.InvariantCulture), Numeric: true);

    private static string Name<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value?.ToString() ?? "";

    private static void AddIf<T>(List<T> list, bool condition, T item)
    {
        if (condition)
        {
            list.Add(item);
        }
    }
}
