using System.Globalization;
using System.Text;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;

namespace ParkingGrains.Domain.Layout;

/// <summary>
/// Slots as CSV, for bulk editing in a spreadsheet. Header row, then one slot per row:
/// <c>slotId,floorId,number,size,ev,accessible,distances</c> with size a vehicle class name, ev/accessible
/// <c>true</c>/<c>false</c> and distances <c>gateA:12.5;gateB:40</c> (metres, invariant culture).
/// Columns are matched by header name (any order, any case).
/// </summary>
public static class LayoutCsv
{
    public static IReadOnlyList<string> Columns { get; } = ["slotId", "floorId", "number", "size", "ev", "accessible", "distances"];

    /// <summary>Writes the layout's slots in layout order; distances follow the layout's gate order.</summary>
    public static string ExportSlots(LotLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var normalized = LayoutJson.Normalize(layout);
        var output = new StringBuilder();
        Csv.WriteRecord(output, Columns);
        foreach (var slot in normalized.Slots)
        {
            Csv.WriteRecord(output,
            [
                slot.SlotId,
                slot.FloorId,
                slot.Number,
                JsonNamingPolicyName(slot.Size),
                slot.Ev ? "true" : "false",
                slot.Accessible ? "true" : "false",
                string.Join(';', slot.GateDistances.Select(d => d.Key + ":" + d.Value.ToString("R", CultureInfo.InvariantCulture))),
            ]);
        }

        return output.ToString();
    }

    /// <summary>
    /// Replaces the slots of <paramref name="layout"/> with those in <paramref name="csv"/> and validates the
    /// whole result. Slot problems are located by CSV line and column; any problem rejects the import.
    /// </summary>
    public static LayoutValidationResult ImportSlots(LotLayout layout, string csv)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(csv);
        var problems = new List<LayoutProblem>();
        var records = Csv.Read(csv);
        if (records.Count == 0)
        {
            problems.Add(new("line 1", LayoutProblemCodes.CsvMissingHeader, "The file is empty; expected a header row: " + string.Join(',', Columns) + "."));
            return LayoutValidationResult.Invalid(problems);
        }

        var columnIndex = ReadHeader(records[0], problems);
        if (columnIndex is null)
        {
            return LayoutValidationResult.Invalid(problems);
        }

        var slots = new List<SlotDefinition>();
        var lines = new List<int>();
        foreach (var record in records.Skip(1))
        {
            if (TryReadSlot(record, columnIndex, records[0].Fields.Count, problems) is { } slot)
            {
                slots.Add(slot);
                lines.Add(record.Line);
            }
        }

        // Rows that did not parse are left out of the semantic checks, so one typo does not cascade into
        // "missing distance" noise; they have already made the import fail.
        string Locate(int index, string field)
        {
            var column = field.StartsWith("gateDistances.", StringComparison.Ordinal) ? $"distances ({field["gateDistances.".Length..]})"
                : field == "gateDistances" ? "distances" : field;
            return $"line {lines[index]}, column {column}";
        }

        var candidate = layout with { Slots = slots };
        LayoutValidator.Collect(candidate, Locate, problems);
        return problems.Count == 0 ? LayoutValidationResult.Valid(candidate) : LayoutValidationResult.Invalid(problems);
    }

    private static Dictionary<string, int>? ReadHeader(CsvRecord header, List<LayoutProblem> problems)
    {
        var at = $"line {header.Line}";
        if (header.Error is not null)
        {
            problems.Add(new(at, LayoutProblemCodes.CsvMalformedQuote, header.Error));
            return null;
        }

        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var ok = true;
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim();
            if (!Columns.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(new($"{at}, column {i + 1}", LayoutProblemCodes.CsvUnknownColumn, $"Unknown column '{name}'; expected {string.Join(',', Columns)}."));
                ok = false;
            }
            else if (!index.TryAdd(name, i))
            {
                problems.Add(new($"{at}, column {i + 1}", LayoutProblemCodes.CsvDuplicateColumn, $"Column '{name}' appears twice."));
                ok = false;
            }
        }

        foreach (var column in Columns.Where(c => !index.ContainsKey(c)))
        {
            problems.Add(new(at, LayoutProblemCodes.CsvMissingColumn, $"The header has no '{column}' column."));
            ok = false;
        }

        return ok ? index : null;
    }

    private static SlotDefinition? TryReadSlot(CsvRecord record, Dictionary<string, int> columns, int width, List<LayoutProblem> problems)
    {
        var line = $"line {record.Line}";
        if (record.Error is not null)
        {
            problems.Add(new(line, LayoutProblemCodes.CsvMalformedQuote, record.Error));
            return null;
        }

        if (record.Fields.Count != width)
        {
            problems.Add(new(line, LayoutProblemCodes.CsvColumnCount, $"Expected {width} columns, found {record.Fields.Count}."));
            return null;
        }

        string Cell(string column) => record.Fields[columns[column]];
        var before = problems.Count;
        void Bad(string column, string message) => problems.Add(new($"{line}, column {column}", LayoutProblemCodes.CsvInvalidValue, message));

        var sizeText = Cell("size");
        var size = VehicleClass.Car;
        if (string.IsNullOrWhiteSpace(sizeText))
        {
            problems.Add(new($"{line}, column size", LayoutProblemCodes.MissingSize, "The slot has no size."));
        }
        else if (!LayoutJson.TryParseName(sizeText, out size))
        {
            problems.Add(new($"{line}, column size", LayoutProblemCodes.UnknownSize, $"'{sizeText}' is not a vehicle class (motorcycle, car, van, bus)."));
        }

        if (!TryParseFlag(Cell("ev"), out var ev))
        {
            Bad("ev", $"'{Cell("ev")}' is not true/false.");
        }

        if (!TryParseFlag(Cell("accessible"), out var accessible))
        {
            Bad("accessible", $"'{Cell("accessible")}' is not true/false.");
        }

        var distances = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in Cell("distances").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.LastIndexOf(':');
            var gate = colon > 0 ? part[..colon].Trim() : string.Empty;
            if (gate.Length == 0
                || !double.TryParse(part[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var metres))
            {
                Bad("distances", $"'{part}' is not 'gateId:metres'.");
            }
            else if (!distances.TryAdd(gate, metres))
            {
                Bad("distances", $"Gate '{gate}' is listed twice.");
            }
        }

        return problems.Count == before
            ? new SlotDefinition(Cell("slotId"), Cell("floorId"), Cell("number"), size, ev, accessible, distances)
            : null;
    }

    private static bool TryParseFlag(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "1" or "yes" or "y":
                value = true;
                return true;
            case "false" or "0" or "no" or "n" or "":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private static string JsonNamingPolicyName(VehicleClass size) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(size.ToString());
}
