using System.Globalization;
using System.Text;

namespace ParkingGrains.WebApi.Reports;

/// <summary>
/// One self-contained HTML page per report: inline CSS (phone widths, dark mode, print), an SVG bar chart drawn here
/// on the server and the table with its totals. No scripts and no external resources, so the same bytes render in a
/// browser, in a mail client and in Chromium's print-to-PDF. Printed on A4 landscape with every column on the page: the
/// table wraps its headers and shrinks its type instead of scrolling (a scroll box prints as a cut-off table with a
/// scrollbar). Text from the data (lot names) is clipped to <see cref="MaxCellText"/> characters with the whole in a
/// tooltip, so one long name cannot push the numbers off the page.
/// </summary>
internal static class HtmlReportRenderer
{
    /// <summary>Longest text cell shown whole; longer ones end in "…" (the whole text is the cell's title).</summary>
    internal const int MaxCellText = 48;

    private const string Css = """
        :root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#5b6674;--line:#d8dee4;--head:#f2f4f7;--bar:#2f6fdf;--grid:#e6e9ee}
        @media (prefers-color-scheme:dark){:root{--bg:#111418;--fg:#e6e9ee;--muted:#9aa5b1;--line:#2c333b;--head:#1a1f25;--bar:#6ea2ff;--grid:#252b32}}
        *{box-sizing:border-box}
        body{margin:0 auto;max-width:1100px;padding:16px;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
        h1{font-size:1.4rem;margin:0 0 4px;overflow-wrap:anywhere}
        .meta{color:var(--muted);margin:0 0 16px}
        .meta span{display:inline-block;margin-right:16px}
        figure{margin:0 0 20px}
        figcaption{font-weight:600;margin-bottom:6px}
        svg{width:100%;height:auto;display:block}
        svg .bar{fill:var(--bar)}
        svg .grid{stroke:var(--grid);stroke-width:1}
        svg text{fill:var(--muted);font-size:11px}
        .wrap{overflow-x:auto}
        table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
        th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}
        thead th{background:var(--head);position:sticky;top:0}
        .num{text-align:right}
        tfoot td{font-weight:700;border-top:2px solid var(--fg);border-bottom:0}
        .empty{color:var(--muted);padding:12px 0}
        footer{color:var(--muted);font-size:12px;margin-top:16px}
        @media (max-width:600px){body{padding:10px;font-size:13px}th,td{padding:4px 6px}}
        @page{size:A4 landscape;margin:10mm}
        @media print{:root{--bg:#fff;--fg:#000;--muted:#444;--line:#bbb;--head:#eee;--bar:#2f6fdf;--grid:#ddd}
          body{max-width:none;padding:0;font-size:11px}thead{display:table-header-group}tfoot{display:table-row-group}tr{break-inside:avoid}thead th{position:static}
          .wrap{overflow:visible}table{table-layout:auto;width:100%}th,td{padding:3px 5px}td:not(.num){white-space:normal;overflow-wrap:anywhere}
          *{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
        """;

    public static string Render(ReportDocument report)
    {
        var visible = report.Columns.Select((c, i) => (Column: c, Index: i)).Where(c => !c.Column.CsvOnly).ToList();
        var html = new StringBuilder(4096 + (report.Rows.Count * 160));
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta name=\"color-scheme\" content=\"light dark\">")
            .Append("<title>").Append(E(report.Title)).Append("</title><style>").Append(Css).Append("</style></head><body>");
        html.Append("<header><h1>").Append(E(report.Title)).Append("</h1><p class=\"meta\">")
            .Append("<span>Period: ").Append(E(report.Period)).Append("</span>")
            .Append("<span>Time zone: ").Append(E(report.TimeZone)).Append("</span>")
            .Append("<span>Rows: ").Append(report.Rows.Count.ToString("N0", CultureInfo.InvariantCulture)).Append("</span></p></header>");

        html.Append("<figure><figcaption>").Append(E(report.ChartTitle)).Append("</figcaption>");
        AppendChart(html, report);
        html.Append("</figure>");

        html.Append("<div class=\"wrap\"><table><thead><tr>");
        foreach (var (column, _) in visible)
        {
            html.Append(column.Numeric ? "<th class=\"num\">" : "<th>").Append(E(column.Header)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in report.Rows)
        {
            AppendRow(html, row, visible);
        }

        html.Append("</tbody><tfoot>");
        foreach (var total in report.Totals)
        {
            AppendRow(html, total, visible);
        }

        html.Append("</tfoot></table></div>");
        if (report.Rows.Count == 0)
        {
            html.Append("<p class=\"empty\">No activity in this period.</p>");
        }

        html.Append("<footer>ParkingGrains · ").Append(E(report.Kind)).Append(" report generated ")
            .Append(report.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)).Append("</footer></body></html>");
        return html.ToString();
    }

    private static void AppendRow(StringBuilder html, IReadOnlyList<ReportCell> row, List<(ReportColumn Column, int Index)> visible)
    {
        html.Append("<tr>");
        foreach (var (_, index) in visible)
        {
            var cell = row[index];
            if (cell.Numeric)
            {
                html.Append("<td class=\"num\">").Append(E(cell.Text)).Append("</td>");
            }
            else if (cell.Text.Length > MaxCellText)
            {
                html.Append("<td title=\"").Append(E(cell.Text)).Append("\">").Append(E(cell.Text[..(MaxCellText - 1)])).Append("…</td>");
            }
            else
            {
                html.Append("<td>").Append(E(cell.Text)).Append("</td>");
            }
        }

        html.Append("</tr>");
    }

    /// <summary>A bar per bucket in a fixed 800×240 view box that scales with the page; labels thinned to about a dozen.</summary>
    private static void AppendChart(StringBuilder html, ReportDocument report)
    {
        const double width = 800, height = 240, left = 64, right = 8, top = 8, bottom = 28;
        var bars = report.Chart;
        var plotWidth = width - left - right;
        var plotHeight = height - top - bottom;
        var max = bars.Count == 0 ? 0 : bars.Max(b => b.Value);
        var scale = NiceCeiling(max);
        html.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{E(report.ChartTitle)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i <= 4; i++)
        {
            var y = top + (plotHeight * (4 - i) / 4);
            html.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{left}\" x2=\"{width - right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\"/>");
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{E(Compact(scale * i / 4))}</text>");
        }

        if (bars.Count > 0)
        {
            var step = plotWidth / bars.Count;
            var gap = step > 4 ? step * 0.15 : 0;
            var labelEvery = Math.Max(1, (int)Math.Ceiling(bars.Count / 12.0));
            for (var i = 0; i < bars.Count; i++)
            {
                var bar = bars[i];
                var h = scale > 0 ? plotHeight * bar.Value / scale : 0;
                var x = left + (i * step) + (gap / 2);
                html.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"bar\" x=\"{x:0.##}\" y=\"{top + plotHeight - h:0.##}\" width=\"{Math.Max(step - gap, 0.5):0.##}\" height=\"{h:0.##}\"><title>{E(bar.Label)}: {E(bar.Text)}</title></rect>");
                if (i % labelEvery == 0)
                {
                    html.Append(CultureInfo.InvariantCulture,
                        $"<text x=\"{x + ((step - gap) / 2):0.##}\" y=\"{height - 10}\" text-anchor=\"middle\">{E(ShortLabel(bar.Label))}</text>");
                }
            }
        }

        html.Append("</svg>");
    }

    /// <summary>1, 2 or 5 times a power of ten at or above the maximum, so the grid lines fall on round numbers.</summary>
    private static double NiceCeiling(double max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var factor in new[] { 1.0, 2.0, 2.5, 5.0, 10.0 })
        {
            if (factor * power >= max)
            {
                return factor * power;
            }
        }

        return 10 * power;
    }

    private static string Compact(double value) => value switch
    {
        >= 1e9 => (value / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + "B",
        >= 1e6 => (value / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "M",
        >= 1e3 => (value / 1e3).ToString("0.##", CultureInfo.InvariantCulture) + "k",
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };

    /// <summary>"2026-06-01" → "06-01", "2026-06-01 14:00" → "06-01 14h": the year is in the header already.</summary>
    private static string ShortLabel(string period) =>
        period.Length >= 16 ? $"{period[5..10]} {period[11..13]}h" : period.Length >= 10 ? period[5..10] : period;

    /// <summary>Minimal HTML escaping; non-ASCII (₫, €, NBSP) stays as UTF-8 text so it reads the same in the source and in the PDF.</summary>
    private static string E(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        return text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
    }
}
