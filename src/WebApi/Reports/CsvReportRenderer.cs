using System.Text;

namespace ParkingGrains.WebApi.Reports;

/// <summary>
/// RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line break. Numbers are
/// invariant culture and unformatted, amounts next to their currency code; totals are left to the reader's tool.
/// </summary>
internal static class CsvReportRenderer
{
    public static string Render(ReportDocument report)
    {
        var csv = new StringBuilder(256 + (report.Rows.Count * 64));
        AppendLine(csv, report.Columns.Select(c => c.Header));
        foreach (var row in report.Rows)
        {
            AppendLine(csv, row.Select(c => c.Csv));
        }

        return csv.ToString();
    }

    private static void AppendLine(StringBuilder csv, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                csv.Append(',');
            }

            first = false;
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                csv.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(field);
            }
        }

        csv.Append("\r\n");
    }
}
