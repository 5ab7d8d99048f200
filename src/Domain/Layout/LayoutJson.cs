using System.Text.Json;
using System.Text.Json.Serialization;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;

namespace ParkingGrains.Domain.Layout;

/// <summary>
/// Imports and exports a lot layout as JSON: camelCase properties, enums as camelCase strings (read in any case),
/// distances in gate order, so an exported file diffs cleanly. Import never throws on bad input; it returns
/// every problem it finds.
/// </summary>
public static class LayoutJson
{
    /// <summary>The settings used for export (and usable to store a <see cref="LotLayout"/> elsewhere).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Export(LotLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return JsonSerializer.Serialize(Normalize(layout), Options);
    }

    /// <summary>Parses and validates a layout; the result holds the layout only when there is no problem at all.</summary>
    public static LayoutValidationResult Import(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        LayoutDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<LayoutDto>(json, Options);
        }
        catch (JsonException e)
        {
            // Structural errors stop the parser, so only the first one can be reported.
            var line = e.LineNumber is { } l ? $" (line {l + 1})" : string.Empty;
            return LayoutValidationResult.Invalid([new LayoutProblem(e.Path ?? "$", LayoutProblemCodes.InvalidJson, $"Not valid layout JSON{line}: {e.Message}")]);
        }

        if (dto is null)
        {
            return LayoutValidationResult.Invalid([new LayoutProblem("$", LayoutProblemCodes.InvalidJson, "The document is null.")]);
        }

        var problems = new List<LayoutProblem>();
        var layout = ToLayout(dto, problems);
        LayoutValidator.Collect(layout, LayoutValidator.JsonSlotLocation, problems);
        return problems.Count == 0 ? LayoutValidationResult.Valid(layout) : LayoutValidationResult.Invalid(problems);
    }

    /// <summary>Orders each slot's distances by the layout's gate order (then by id) for a stable export.</summary>
    internal static LotLayout Normalize(LotLayout layout)
    {
        var gateOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var gate in layout.Gates ?? [])
        {
            if (gate?.GateId is { } id)
            {
                gateOrder.TryAdd(id, gateOrder.Count);
            }
        }

        var slots = (layout.Slots ?? []).Select(s => s is null ? s! : s with { GateDistances = OrderDistances(s.GateDistances, gateOrder) }).ToList();
        return layout with { Slots = slots };
    }

    internal static Dictionary<string, double> OrderDistances(IReadOnlyDictionary<string, double>? distances, Dictionary<string, int> gateOrder)
    {
        var ordered = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, value) in (distances ?? new Dictionary<string, double>())
            .OrderBy(d => gateOrder.TryGetValue(d.Key, out var i) ? i : int.MaxValue)
            .ThenBy(d => d.Key, StringComparer.Ordinal))
        {
            ordered.Add(key, value);
        }

        return ordered;
    }

    /// <summary>Parses an enum by name in any case; numbers are refused so a typo cannot become a valid value.</summary>
    internal static bool TryParseName<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        var trimmed = text?.Trim();
        return !string.IsNullOrEmpty(trimmed)
            && !char.IsAsciiDigit(trimmed[0]) && trimmed[0] != '-' && trimmed[0] != '+'
            && Enum.TryParse(trimmed, ignoreCase: true, out value)
            && Enum.IsDefined(value);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            WriteIndented = true,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static LotLayout ToLayout(LayoutDto dto, List<LayoutProblem> problems)
    {
        var floors = (dto.Floors ?? []).Select(f => f is null ? null! : new FloorDefinition(f.FloorId ?? string.Empty, f.Name ?? string.Empty, f.Level)).ToList();

        var gates = new List<GateDefinition>();
        foreach (var (g, i) in (dto.Gates ?? []).Select((g, i) => (g, i)))
        {
            if (g is null)
            {
                gates.Add(null!);
                continue;
            }

            if (!TryParseName<GateDirection>(g.Direction, out var direction))
            {
                problems.Add(new($"$.gates[{i}].direction", LayoutProblemCodes.UnknownValue, $"'{g.Direction}' is not a gate direction (in, out, both)."));
                direction = GateDirection.Both; // placeholder: does not also trigger NoEntryGate/NoExitGate
            }

            gates.Add(new GateDefinition(g.GateId ?? string.Empty, g.Name ?? string.Empty, direction, g.Lane));
        }

        var slots = new List<SlotDefinition>();
        foreach (var (s, i) in (dto.Slots ?? []).Select((s, i) => (s, i)))
        {
            if (s is null)
            {
                slots.Add(null!);
                continue;
            }

            VehicleClass size;
            if (string.IsNullOrWhiteSpace(s.Size))
            {
                problems.Add(new($"$.slots[{i}].size", LayoutProblemCodes.MissingSize, $"Slot '{s.SlotId}' has no size."));
                size = VehicleClass.Car; // placeholder; the layout is already rejected
            }
            else if (!TryParseName(s.Size, out size))
            {
                problems.Add(new($"$.slots[{i}].size", LayoutProblemCodes.UnknownSize, $"'{s.Size}' is not a vehicle class (motorcycle, car, van, bus)."));
                size = VehicleClass.Car;
            }

            slots.Add(new SlotDefinition(
                s.SlotId ?? string.Empty,
                s.FloorId ?? string.Empty,
                s.Number ?? string.Empty,
                size,
                s.Ev,
                s.Accessible,
                s.GateDistances ?? new Dictionary<string, double>(StringComparer.Ordinal)));
        }

        return new LotLayout(
            dto.LotId ?? string.Empty,
            dto.Name ?? string.Empty,
            dto.TimeZoneId ?? string.Empty,
            dto.Currency ?? string.Empty,
            floors,
            gates,
            slots,
            ToSettings(dto.Settings, problems),
            dto.TariffId);
    }

    private static LotSettings ToSettings(SettingsDto? dto, List<LayoutProblem> problems)
    {
        if (dto is null)
        {
            return LotSettings.Default;
        }

        var strategy = LotSettings.Default.AllocationStrategy;
        if (dto.AllocationStrategy is not null && !TryParseName(dto.AllocationStrategy, out strategy))
        {
            problems.Add(new("$.settings.allocationStrategy", LayoutProblemCodes.UnknownValue, $"'{dto.AllocationStrategy}' is not an allocation strategy (bestFitNearest, roundRobin)."));
        }

        var policy = LotSettings.Default.PlateAlreadyInside;
        if (dto.PlateAlreadyInside is not null && !TryParseName(dto.PlateAlreadyInside, out policy))
        {
            problems.Add(new("$.settings.plateAlreadyInside", LayoutProblemCodes.UnknownValue, $"'{dto.PlateAlreadyInside}' is not a policy (deny, flag)."));
        }

        var rules = new List<OverflowRule>();
        foreach (var (r, i) in (dto.OverflowRules ?? []).Select((r, i) => (r, i)))
        {
            if (r is not null && TryParseName<VehicleClass>(r.From, out var from) && TryParseName<VehicleClass>(r.To, out var to))
            {
                rules.Add(new OverflowRule(from, to));
            }
            else
            {
                problems.Add(new($"$.settings.overflowRules[{i}]", LayoutProblemCodes.UnknownValue, $"The overflow rule needs a known 'from' and 'to' vehicle class (got '{r?.From}' -> '{r?.To}')."));
            }
        }

        return new LotSettings(strategy, rules, policy);
    }

    // Loose shapes for reading: every field optional and enums as text, so each problem can be reported by path
    // instead of the parser stopping at the first one.
    private sealed class LayoutDto
    {
        public string? LotId { get; set; }
        public string? Name { get; set; }
        public string? TimeZoneId { get; set; }
        public string? Currency { get; set; }
        public List<FloorDto?>? Floors { get; set; }
        public List<GateDto?>? Gates { get; set; }
        public List<SlotDto?>? Slots { get; set; }
        public SettingsDto? Settings { get; set; }
        public string? TariffId { get; set; }
    }

    private sealed class FloorDto
    {
        public string? FloorId { get; set; }
        public string? Name { get; set; }
        public int Level { get; set; }
    }

    private sealed class GateDto
    {
        public string? GateId { get; set; }
        public string? Name { get; set; }
        public string? Direction { get; set; }
        public int Lane { get; set; }
    }

    private sealed class SlotDto
    {
        public string? SlotId { get; set; }
        public string? FloorId { get; set; }
        public string? Number { get; set; }
        public string? Size { get; set; }
        public bool Ev { get; set; }
        public bool Accessible { get; set; }
        public Dictionary<string, double>? GateDistances { get; set; }
    }

    private sealed class SettingsDto
    {
        public string? AllocationStrategy { get; set; }
        public List<OverflowRuleDto?>? OverflowRules { get; set; }
        public string? PlateAlreadyInside { get; set; }
    }

    private sealed class OverflowRuleDto
    {
        public string? From { get; set; }
        public string? To { get; set; }
    }
}
