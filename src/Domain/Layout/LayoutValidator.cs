using ParkingGrains.Grains.Interfaces.Validation;
using System.Text.RegularExpressions;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;

namespace ParkingGrains.Domain.Layout;

/// <summary>
/// Checks a whole <see cref="LotLayout"/> and reports every problem at once, so an operator can fix a file in one
/// pass. Tolerates nulls anywhere (a layout may come from JSON written by hand). Names, ids and counts are bounded
/// and names and ids may not hold control, bidi or zero-width characters (<see cref="LayoutLimits"/>,
/// <see cref="TextRules"/>); a message names the field and never repeats a value longer than an id.
/// </summary>
public static partial class LayoutValidator
{
    /// <summary>Validates a layout; locations are JSON paths ("$.slots[3].floorId").</summary>
    public static LayoutValidationResult Validate(LotLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var problems = new List<LayoutProblem>();
        Collect(layout, JsonSlotLocation, problems);
        return problems.Count == 0 ? LayoutValidationResult.Valid(layout) : LayoutValidationResult.Invalid(problems);
    }

    internal static string JsonSlotLocation(int index, string field) => $"$.slots[{index}].{field}";

    /// <summary>Appends every problem of <paramref name="layout"/>; <paramref name="slotLocation"/> names slot fields.</summary>
    internal static void Collect(LotLayout layout, Func<int, string, string> slotLocation, List<LayoutProblem> problems)
    {
        void Add(string location, string code, string message) => problems.Add(new LayoutProblem(location, code, message));

        CheckId(layout.LotId, "$.lotId", "lot", Add);
        if (string.IsNullOrWhiteSpace(layout.Name))
        {
            Add("$.name", LayoutProblemCodes.EmptyName, "The lot has no name.");
        }
        else
        {
            CheckText(layout.Name, "$.name", "lot name", LayoutLimits.MaxNameLength, Add);
        }

        if (string.IsNullOrWhiteSpace(layout.TimeZoneId))
        {
            Add("$.timeZoneId", LayoutProblemCodes.UnknownTimeZone, "The lot has no time zone.");
        }
        else if (layout.TimeZoneId.Length > LayoutLimits.MaxIdLength || !TimeZoneInfo.TryFindSystemTimeZoneById(layout.TimeZoneId, out _))
        {
            Add("$.timeZoneId", LayoutProblemCodes.UnknownTimeZone, $"'{Shown(layout.TimeZoneId)}' is not a known time zone id.");
        }

        if (layout.Currency is null || !CurrencyCode().IsMatch(layout.Currency))
        {
            Add("$.currency", LayoutProblemCodes.InvalidCurrency, $"'{Shown(layout.Currency)}' is not an ISO 4217 currency code (three capital letters).");
        }

        if (layout.TariffId is not null && string.IsNullOrWhiteSpace(layout.TariffId))
        {
            Add("$.tariffId", LayoutProblemCodes.EmptyId, "The tariff id is empty; leave it out instead.");
        }
        else if (layout.TariffId is not null)
        {
            CheckText(layout.TariffId, "$.tariffId", "tariff id", LayoutLimits.MaxIdLength, Add);
        }

        // Entries of a list over its bound are not checked one by one: one problem, not ten thousand.
        var tooMany = CheckCount(layout.Floors, "$.floors", "floors", LayoutLimits.MaxFloors, Add)
            | CheckCount(layout.Gates, "$.gates", "gates", LayoutLimits.MaxGates, Add)
            | CheckCount(layout.Slots, "$.slots", "slots", LayoutLimits.MaxSlots, Add);
        if (tooMany)
        {
            CheckSettings(layout.Settings, Add);
            return;
        }

        var floorIds = CheckFloors(layout.Floors ?? [], Add);
        var gateIds = CheckGates(layout.Gates ?? [], Add);
        CheckSlots(layout.Slots ?? [], floorIds, gateIds, slotLocation, Add);
        CheckSettings(layout.Settings, Add);
    }

    private static HashSet<string> CheckFloors(IReadOnlyList<FloorDefinition> floors, Action<string, string, string> add)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < floors.Count; i++)
        {
            var floor = floors[i];
            var at = $"$.floors[{i}]";
            if (floor is null)
            {
                add(at, LayoutProblemCodes.EmptyId, "The floor entry is null.");
                continue;
            }

            if (CheckId(floor.FloorId, at + ".floorId", "floor", add) && !ids.Add(floor.FloorId))
            {
                add(at + ".floorId", LayoutProblemCodes.DuplicateFloorId, $"Floor id '{floor.FloorId}' is used more than once.");
            }

            // An empty floor or gate name is allowed (imports often have none); a long or garbled one is not.
            if (floor.Name is not null)
            {
                CheckText(floor.Name, at + ".name", "floor name", LayoutLimits.MaxNameLength, add);
            }

            if (floor.Level is < LayoutLimits.MinFloorLevel or > LayoutLimits.MaxFloorLevel)
            {
                add(at + ".level", LayoutLimits.OutOfRange, $"Level {floor.Level} is outside {LayoutLimits.MinFloorLevel}..{LayoutLimits.MaxFloorLevel}.");
            }
        }

        return ids;
    }

    private static HashSet<string> CheckGates(IReadOnlyList<GateDefinition> gates, Action<string, string, string> add)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        bool hasEntry = false, hasExit = false;
        for (var i = 0; i < gates.Count; i++)
        {
            var gate = gates[i];
            var at = $"$.gates[{i}]";
            if (gate is null)
            {
                add(at, LayoutProblemCodes.EmptyId, "The gate entry is null.");
                continue;
            }

            if (CheckId(gate.GateId, at + ".gateId", "gate", add))
            {
                // Gate ids are keys in the CSV distances column ("gateA:12.5;gateB:40").
                if (gate.GateId.AsSpan().IndexOfAny(':', ';') >= 0)
                {
                    add(at + ".gateId", LayoutProblemCodes.InvalidId, $"Gate id '{gate.GateId}' must not contain ':' or ';'.");
                }
                else if (!ids.Add(gate.GateId))
                {
                    add(at + ".gateId", LayoutProblemCodes.DuplicateGateId, $"Gate id '{gate.GateId}' is used more than once.");
                }
            }

            if (!Enum.IsDefined(gate.Direction))
            {
                add(at + ".direction", LayoutProblemCodes.UnknownValue, $"'{gate.Direction}' is not a gate direction (in, out, both).");
            }

            if (gate.Lane < 0)
            {
                add(at + ".lane", LayoutProblemCodes.InvalidLane, $"Lane {gate.Lane} is negative.");
            }
            else if (gate.Lane > LayoutLimits.MaxLane)
            {
                add(at + ".lane", LayoutLimits.OutOfRange, $"Lane {gate.Lane} is above {LayoutLimits.MaxLane}.");
            }

            if (gate.Name is not null)
            {
                CheckText(gate.Name, at + ".name", "gate name", LayoutLimits.MaxNameLength, add);
            }

            hasEntry |= gate.Direction is GateDirection.In or GateDirection.Both;
            hasExit |= gate.Direction is GateDirection.Out or GateDirection.Both;
        }

        if (!hasEntry)
        {
            add("$.gates", LayoutProblemCodes.NoEntryGate, "The lot has no gate vehicles can enter by (direction in or both).");
        }

        if (!hasExit)
        {
            add("$.gates", LayoutProblemCodes.NoExitGate, "The lot has no gate vehicles can leave by (direction out or both).");
        }

        return ids;
    }

    private static void CheckSlots(
        IReadOnlyList<SlotDefinition> slots,
        HashSet<string> floorIds,
        HashSet<string> gateIds,
        Func<int, string, string> at,
        Action<string, string, string> add)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new HashSet<(string Floor, string Number)>();
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            if (slot is null)
            {
                add(at(i, "slotId"), LayoutProblemCodes.EmptyId, "The slot entry is null.");
                continue;
            }

            if (CheckId(slot.SlotId, at(i, "slotId"), "slot", add) && !ids.Add(slot.SlotId))
            {
                add(at(i, "slotId"), LayoutProblemCodes.DuplicateSlotId, $"Slot id '{slot.SlotId}' is used more than once.");
            }

            if (string.IsNullOrEmpty(slot.FloorId) || !floorIds.Contains(slot.FloorId))
            {
                add(at(i, "floorId"), LayoutProblemCodes.UnknownFloor, $"Slot '{Shown(slot.SlotId)}' is on unknown floor '{Shown(slot.FloorId)}'.");
            }

            if (string.IsNullOrWhiteSpace(slot.Number))
            {
                add(at(i, "number"), LayoutProblemCodes.EmptySlotNumber, $"Slot '{Shown(slot.SlotId)}' has no number.");
            }
            else if (!CheckText(slot.Number, at(i, "number"), "slot number", LayoutLimits.MaxNameLength, add))
            {
                // Reported; a number that long or garbled is not compared with the others.
            }
            else if (slot.FloorId is not null && !numbers.Add((slot.FloorId, slot.Number)))
            {
                add(at(i, "number"), LayoutProblemCodes.DuplicateSlotNumber, $"Number '{slot.Number}' is used twice on floor '{Shown(slot.FloorId)}'.");
            }

            if (!Enum.IsDefined(slot.Size))
            {
                add(at(i, "size"), LayoutProblemCodes.UnknownSize, $"'{slot.Size}' is not a vehicle class.");
            }

            var distances = slot.GateDistances ?? new Dictionary<string, double>();
            foreach (var (gateId, metres) in distances.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                var where = at(i, "gateDistances." + gateId);
                if (!gateIds.Contains(gateId))
                {
                    add(Shown(where), LayoutProblemCodes.UnknownGate, $"Slot '{Shown(slot.SlotId)}' has a distance to unknown gate '{Shown(gateId)}'.");
                }

                if (!double.IsFinite(metres))
                {
                    add(Shown(where), LayoutProblemCodes.NonFiniteDistance, $"Distance {metres} from gate '{gateId}' is not a finite number.");
                }
                else if (metres < 0)
                {
                    add(Shown(where), LayoutProblemCodes.NegativeDistance, $"Distance {metres} from gate '{gateId}' is negative.");
                }
            }

            foreach (var gateId in gateIds)
            {
                if (!distances.ContainsKey(gateId))
                {
                    add(at(i, "gateDistances"), LayoutProblemCodes.MissingGateDistance, $"Slot '{Shown(slot.SlotId)}' has no distance to gate '{gateId}'.");
                }
            }
        }
    }

    private static void CheckSettings(LotSettings? settings, Action<string, string, string> add)
    {
        if (settings is null)
        {
            add("$.settings", LayoutProblemCodes.UnknownValue, "The lot has no settings.");
            return;
        }

        if (!Enum.IsDefined(settings.AllocationStrategy))
        {
            add("$.settings.allocationStrategy", LayoutProblemCodes.UnknownValue, $"'{settings.AllocationStrategy}' is not an allocation strategy.");
        }

        if (!Enum.IsDefined(settings.PlateAlreadyInside))
        {
            add("$.settings.plateAlreadyInside", LayoutProblemCodes.UnknownValue, $"'{settings.PlateAlreadyInside}' is not a policy (deny, flag).");
        }

        var rules = settings.OverflowRules ?? [];
        if (CheckCount(rules, "$.settings.overflowRules", "overflow rules", LayoutLimits.MaxOverflowRules, add))
        {
            return;
        }
        var seen = new HashSet<(VehicleClass, VehicleClass)>();
        for (var i = 0; i < rules.Count; i++)
        {
            var at = $"$.settings.overflowRules[{i}]";
            var rule = rules[i];
            if (rule is null || !Enum.IsDefined(rule.From) || !Enum.IsDefined(rule.To))
            {
                add(at, LayoutProblemCodes.UnknownValue, "The overflow rule needs a known 'from' and 'to' vehicle class.");
            }
            else if (rule.To <= rule.From)
            {
                add(at, LayoutProblemCodes.InvalidOverflowRule, $"{rule.From} cannot overflow into a {rule.To} slot; the target must be larger.");
            }
            else if (!seen.Add((rule.From, rule.To)))
            {
                add(at, LayoutProblemCodes.DuplicateOverflowRule, $"The rule {rule.From} -> {rule.To} is listed twice.");
            }
        }
    }

    /// <summary>Reports an empty or badly trimmed id; true when the id is usable for duplicate checks.</summary>
    private static bool CheckId(string? id, string location, string what, Action<string, string, string> add)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            add(location, LayoutProblemCodes.EmptyId, $"The {what} id is empty.");
            return false;
        }

        if (!CheckText(id, location, what + " id", LayoutLimits.MaxIdLength, add))
        {
            return false;
        }

        if (id.Trim().Length != id.Length)
        {
            add(location, LayoutProblemCodes.InvalidId, $"The {what} id '{id}' has leading or trailing spaces.");
        }

        return true;
    }

    /// <summary>Reports text over its bound or with characters <see cref="TextRules"/> refuses; true when it is fine.</summary>
    private static bool CheckText(string text, string location, string what, int maxLength, Action<string, string, string> add)
    {
        if (text.Length > maxLength)
        {
            add(location, LayoutLimits.TooLong, $"The {what} has {text.Length} characters; at most {maxLength} are allowed.");
            return false;
        }

        if (TextRules.HasUnsafe(text))
        {
            add(location, LayoutLimits.InvalidCharacters, $"The {what}: {TextRules.Rule}");
            return false;
        }

        return true;
    }

    /// <summary>Reports a list longer than its bound; true when it is (its entries are then not checked one by one).</summary>
    private static bool CheckCount<T>(IReadOnlyList<T>? list, string location, string what, int max, Action<string, string, string> add)
    {
        if (list is not null && list.Count > max)
        {
            add(location, LayoutLimits.TooMany, $"{list.Count} {what}; a lot may have at most {max}.");
            return true;
        }

        return false;
    }

    /// <summary>A value as messages may repeat it: cut to an id's length, so a message stays small whatever was sent.</summary>
    private static string Shown(string? value) =>
        value is null ? "" : value.Length > LayoutLimits.MaxIdLength ? value[..LayoutLimits.MaxIdLength] + "…" : value;

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyCode();
}
