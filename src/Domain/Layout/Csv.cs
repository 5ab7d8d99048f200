using System.Text;

namespace ParkingGrains.Domain.Layout;

/// <summary>
/// A small RFC 4180 reader and writer: comma separated, fields quoted with '"' when they hold a comma, quote or
/// line break, quotes doubled inside. Reading accepts CRLF, LF or CR line ends and skips blank lines; writing
/// uses CRLF as the RFC says.
/// </summary>
public static class Csv
{
    /// <summary>Reads every record; a malformed record is returned with <see cref="CsvRecord.Error"/> set.</summary>
    public static IReadOnlyList<CsvRecord> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var fieldQuoted = false;
        var afterClosingQuote = false;
        string? error = null;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            fieldQuoted = false;
            afterClosingQuote = false;
        }

        void EndRecord()
        {
            // A blank line (no field, no quotes) is skipped rather than reported as a short row.
            var blank = fields.Count == 0 && field.Length == 0 && !fieldQuoted && error is null;
            EndField();
            if (!blank)
            {
                records.Add(new CsvRecord(recordLine, fields.ToArray(), error));
            }

            fields.Clear();
            error = null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                        afterClosingQuote = true;
                    }
                }
                else
                {
                    if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    EndField();
                    break;
                case '\r' or '\n':
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                case '"' when field.Length == 0 && !fieldQuoted:
                    inQuotes = true;
                    fieldQuoted = true;
                    break;
                default:
                    if (afterClosingQuote || c == '"')
                    {
                        error ??= afterClosingQuote
                            ? $"Unexpected character '{c}' after a closing quote."
                            : "A quote inside an unquoted field; quote the whole field and double the quote.";
                    }

                    field.Append(c);
                    break;
            }
        }

        if (inQuotes)
        {
            error ??= "A quoted field is not closed before the end of the file.";
        }

        if (inQuotes || fieldQuoted || field.Length > 0 || fields.Count > 0)
        {
            EndRecord();
        }

        return records;
    }

    /// <summary>Appends one record terminated by CRLF.</summary>
    public static void WriteRecord(StringBuilder output, IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(fields);
        var first = true;
        foreach (var f in fields)
        {
            if (!first)
            {
                output.Append(',');
            }

            output.Append(Escape(f));
            first = false;
        }

        output.Append("\r\n");
    }

    /// <summary>Quotes a field when needed; leading/trailing spaces are quoted too so they survive other tools.</summary>
    public static string Escape(string? value)
    {
        value ??= string.Empty;
        var needsQuotes = value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])));
        return needsQuotes ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
