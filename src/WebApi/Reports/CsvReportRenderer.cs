using System.Buffers;
using System.Globalization;
using System.Text;

namespace ParkingGrains.WebApi.Reports;

/// <summary>
/// RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line break. Numbers are
/// invariant culture and unformatted, amounts next to their currency code; totals are left to the reader's tool.
/// Text cells are neutralised against spreadsheet formula injection (OWASP "CSV Injection"): one that starts with
/// <c>= + - @</c>, tab or carriage return gets a leading single quote, so Excel, LibreOffice and Sheets show it as
/// text instead of evaluating it. Numeric cells keep their sign: a refund's -5000 must stay a number.
/// </summary>
internal static class CsvReportRenderer
{
    private static readonly SearchValues<char> s_formulaStarts = SearchValues.Create("=+-@\t\r");

    public static string Render(ReportDocument report)
    {
        var csv = new StringBuilder(256 + (report.Rows.Count * 64));
        AppendLine(csv, report.Columns.Select(c => Text(c.Header)));
        foreach (var row in report.Rows)
        {
            AppendLine(csv, row.Select(Field));
        }

        return csv.ToString();
    }

    /// <summary>What a cell becomes in the file, before RFC 4180 quoting.</summary>
    internal static string Field(ReportCell cell) => cell.Numeric && IsPlainNumber(cell.Csv) ? cell.Csv : Text(cell.Csv);

    private static string Text(string value) => value.Length > 0 && s_formulaStarts.Contains(value[0]) ? "'" + value : value;

    // The cell type is trusted only when the value really is a number: a cell mislabelled numeric (or a future
    // builder putting a name in a numeric column) is still neutralised.
    private static bool IsPlainNumber(string value) =>
        value.Length > 0 && value[0] != '+' && decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

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
