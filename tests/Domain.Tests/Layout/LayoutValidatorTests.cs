using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Domain.Layout;
using static ParkingGrains.Domain.Tests.Layout.TestLayouts;

namespace ParkingGrains.Domain.Tests.Layout;

public sealed class LayoutValidatorTests
{
    public static TheoryData<string, string, string> SingleProblems()
    {
        // (case name, expected code, expected location)
        return new()
        {
            { "duplicate slot", LayoutProblemCodes.DuplicateSlotId, "$.slots[1].slotId" },
            { "duplicate gate", LayoutProblemCodes.DuplicateGateId, "$.gates[2].gateId" },
            { "duplicate floor", LayoutProblemCodes.DuplicateFloorId, "$.floors[2].floorId" },
            { "unknown floor", LayoutProblemCodes.UnknownFloor, "$.slots[0].floorId" },
            { "distance to unknown gate", LayoutProblemCodes.UnknownGate, "$.slots[0].gateDistances.side" },
            { "negative distance", LayoutProblemCodes.NegativeDistance, "$.slots[0].gateDistances.in" },
            { "infinite distance", LayoutProblemCodes.NonFiniteDistance, "$.slots[0].gateDistances.out" },
            { "nan distance", LayoutProblemCodes.NonFiniteDistance, "$.slots[1].gateDistances.in" },
            { "unknown size", LayoutProblemCodes.UnknownSize, "$.slots[0].size" },
            { "missing gate distance", LayoutProblemCodes.MissingGateDistance, "$.slots[1].gateDistances" },
            { "empty slot id", LayoutProblemCodes.EmptyId, "$.slots[0].slotId" },
            { "empty gate id", LayoutProblemCodes.EmptyId, "$.gates[2].gateId" },
            { "empty floor id", LayoutProblemCodes.EmptyId, "$.floors[1].floorId" },
            { "empty lot id", LayoutProblemCodes.EmptyId, "$.lotId" },
            { "padded slot id", LayoutProblemCodes.InvalidId, "$.slots[0].slotId" },
            { "gate id with colon", LayoutProblemCodes.InvalidId, "$.gates[2].gateId" },
            { "unknown time zone", LayoutProblemCodes.UnknownTimeZone, "$.timeZoneId" },
            { "bad currency", LayoutProblemCodes.InvalidCurrency, "$.currency" },
            { "no entry gate", LayoutProblemCodes.NoEntryGate, "$.gates" },
            { "no exit gate", LayoutProblemCodes.NoExitGate, "$.gates" },
            { "empty lot name", LayoutProblemCodes.EmptyName, "$.name" },
            { "empty slot number", LayoutProblemCodes.EmptySlotNumber, "$.slots[0].number" },
            { "duplicate slot number", LayoutProblemCodes.DuplicateSlotNumber, "$.slots[2].number" },
            { "negative lane", LayoutProblemCodes.InvalidLane, "$.gates[0].lane" },
            { "overflow into smaller", LayoutProblemCodes.InvalidOverflowRule, "$.settings.overflowRules[0]" },
            { "duplicate overflow", LayoutProblemCodes.DuplicateOverflowRule, "$.settings.overflowRules[2]" },
            { "unknown strategy", LayoutProblemCodes.UnknownValue, "$.settings.allocationStrategy" },
            { "long lot name", LayoutLimits.TooLong, "$.name" },
            { "bidi override in lot name", LayoutLimits.InvalidCharacters, "$.name" },
            { "long floor name", LayoutLimits.TooLong, "$.floors[0].name" },
            { "zero-width space in floor name", LayoutLimits.InvalidCharacters, "$.floors[0].name" },
            { "floor far below", LayoutLimits.OutOfRange, "$.floors[0].level" },
            { "floor far above", LayoutLimits.OutOfRange, "$.floors[1].level" },
            { "long slot number", LayoutLimits.TooLong, "$.slots[2].number" },
            { "control character in slot number", LayoutLimits.InvalidCharacters, "$.slots[2].number" },
            { "long gate name", LayoutLimits.TooLong, "$.gates[0].name" },
            { "bidi isolate in gate name", LayoutLimits.InvalidCharacters, "$.gates[1].name" },
            { "lane too high", LayoutLimits.OutOfRange, "$.gates[1].lane" },
            { "long slot id", LayoutLimits.TooLong, "$.slots[2].slotId" },
            { "zero-width joiner in floor id", LayoutLimits.InvalidCharacters, "$.floors[1].floorId" },
        };
    }

    [Theory]
    [MemberData(nameof(SingleProblems))]
    public void Each_rule_reports_its_problem_and_only_that(string name, string code, string location)
    {
        var result = LayoutValidator.Validate(Break(name, Valid(Slot("s1"), Slot("s2"))));

        Assert.False(result.IsValid);
        Assert.Null(result.Layout);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(location, problem.Location);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
    }

    [Fact]
    public void All_problems_are_listed_together()
    {
        var layout = Valid(Slot("s1"), Slot("s2"));
        var names = SingleProblems().Select(row => (string)row[0]).Where(n => n is not ("no entry gate" or "no exit gate" or "empty slot id" or "padded slot id"
            or "long lot name" or "bidi override in lot name")); // these two would replace the empty lot name
        foreach (var name in names)
        {
            layout = Break(name, layout);
        }

        var result = LayoutValidator.Validate(layout);

        Assert.False(result.IsValid);
        var codes = result.Problems.Select(p => p.Code).ToHashSet();
        foreach (var code in SingleProblems().Select(row => (string)row[1]).Where(c => c is not (LayoutProblemCodes.NoEntryGate or LayoutProblemCodes.NoExitGate)))
        {
            Assert.Contains(code, codes);
        }

        Assert.True(result.Problems.Count >= 20, string.Join("\n", result.Problems));
    }

    [Fact]
    public void A_valid_layout_passes()
    {
        var layout = Valid();

        var result = LayoutValidator.Validate(layout);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Same(layout, result.Layout);
    }

    [Fact]
    public void Nulls_anywhere_are_problems_not_exceptions()
    {
        var layout = new LotLayout(null!, null!, null!, null!, null!, null!, [null!], null!);

        var result = LayoutValidator.Validate(layout);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Code == LayoutProblemCodes.NoEntryGate);
        Assert.Contains(result.Problems, p => p.Location == "$.settings");
    }

    [Fact]
    public void Too_many_slots_is_one_problem_not_one_per_slot()
    {
        var layout = Valid(Enumerable.Range(0, LayoutLimits.MaxSlots + 1).Select(i => Slot($"s{i}")).ToArray());

        var problem = Assert.Single(LayoutValidator.Validate(layout).Problems);

        Assert.Equal(LayoutLimits.TooMany, problem.Code);
        Assert.Equal("$.slots", problem.Location);
    }

    [Fact]
    public void The_bounds_themselves_are_allowed()
    {
        var layout = Valid(Slot("s1") with { Number = new string('9', LayoutLimits.MaxNameLength) }) with { Name = new string('n', LayoutLimits.MaxNameLength) };
        layout = layout with { Floors = [layout.Floors[0] with { Level = LayoutLimits.MinFloorLevel }, layout.Floors[1] with { Level = LayoutLimits.MaxFloorLevel }] };

        var result = LayoutValidator.Validate(layout);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
    }

    [Fact]
    public void Messages_never_repeat_a_long_value()
    {
        var huge = new string('x', 5_000);
        var layout = Valid(Slot("s1") with { FloorId = huge, Number = huge }) with { Name = huge, TimeZoneId = huge, Currency = huge };

        var problems = LayoutValidator.Validate(layout).Problems;

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.True(p.Message.Length < 300 && p.Location.Length < 100, $"{p.Location}: {p.Message.Length} characters"));
    }

    private static LotLayout Break(string name, LotLayout l)
    {
        SlotDefinition WithDistances(SlotDefinition s, Action<Dictionary<string, double>> change)
        {
            var d = new Dictionary<string, double>(s.GateDistances);
            change(d);
            return s with { GateDistances = d };
        }

        LotLayout Slot0(Func<SlotDefinition, SlotDefinition> change) => l with { Slots = [change(l.Slots[0]), .. l.Slots.Skip(1)] };
        LotLayout Slot1(Func<SlotDefinition, SlotDefinition> change) => l with { Slots = [l.Slots[0], change(l.Slots[1]), .. l.Slots.Skip(2)] };
        LotLayout Floor(int i, Func<FloorDefinition, FloorDefinition> change) => l with { Floors = [.. l.Floors.Select((f, at) => at == i ? change(f) : f)] };
        LotLayout Gate(int i, Func<GateDefinition, GateDefinition> change) => l with { Gates = [.. l.Gates.Select((g, at) => at == i ? change(g) : g)] };

        // The slots on the floor move with it, so the only problem is the id itself.
        LotLayout RenameFloor(int i, string id) => l with
        {
            Floors = [.. l.Floors.Select((f, at) => at == i ? f with { FloorId = id } : f)],
            Slots = [.. l.Slots.Select(s => s.FloorId == l.Floors[i].FloorId ? s with { FloorId = id } : s)],
        };

        return name switch
        {
            "duplicate slot" => l with { Slots = [l.Slots[0], l.Slots[0] with { Number = "other" }, .. l.Slots.Skip(2)] },
            "duplicate gate" => l with { Gates = [.. l.Gates, l.Gates[0]] },
            "duplicate floor" => l with { Floors = [.. l.Floors, l.Floors[0] with { Name = "again" }] },
            "unknown floor" => Slot0(s => s with { FloorId = "F9" }),
            "distance to unknown gate" => Slot0(s => WithDistances(s, d => d["side"] = 1)),
            "negative distance" => Slot0(s => WithDistances(s, d => d["in"] = -0.5)),
            "infinite distance" => Slot0(s => WithDistances(s, d => d["out"] = double.PositiveInfinity)),
            "nan distance" => Slot1(s => WithDistances(s, d => d["in"] = double.NaN)),
            "unknown size" => Slot0(s => s with { Size = (VehicleClass)42 }),
            "missing gate distance" => Slot1(s => WithDistances(s, d => d.Remove("out"))),
            "empty slot id" => Slot0(s => s with { SlotId = " " }),
            "empty gate id" => l with { Gates = [.. l.Gates, new GateDefinition("", "Side", GateDirection.Both, 3)] },
            "empty floor id" => l with { Floors = [l.Floors[0], l.Floors[1] with { FloorId = "" }, .. l.Floors.Skip(2)] },
            "empty lot id" => l with { LotId = "" },
            "padded slot id" => Slot0(s => s with { SlotId = "s1 " }),
            "gate id with colon" => l with { Gates = [.. l.Gates, new GateDefinition("side:2", "Side", GateDirection.Both, 3)] },
            "unknown time zone" => l with { TimeZoneId = "Europe/Atlantis" },
            "bad currency" => l with { Currency = "Euro" },
            "no entry gate" => l with { Gates = [l.Gates[0] with { Direction = GateDirection.Out }, l.Gates[1]] },
            "no exit gate" => l with { Gates = [l.Gates[0], l.Gates[1] with { Direction = GateDirection.In }] },
            "empty lot name" => l with { Name = "" },
            "empty slot number" => Slot0(s => s with { Number = "" }),
            "duplicate slot number" => l with { Slots = [.. l.Slots, Slot("s9", floor: l.Slots[1].FloorId) with { Number = l.Slots[1].Number }] },
            "negative lane" => l with { Gates = [l.Gates[0] with { Lane = -1 }, .. l.Gates.Skip(1)] },
            "overflow into smaller" => l with { Settings = l.Settings with { OverflowRules = [new OverflowRule(VehicleClass.Bus, VehicleClass.Car), .. l.Settings.OverflowRules.Skip(1)] } },
            "duplicate overflow" => l with { Settings = l.Settings with { OverflowRules = [.. l.Settings.OverflowRules, new OverflowRule(VehicleClass.Motorcycle, VehicleClass.Van), new OverflowRule(VehicleClass.Motorcycle, VehicleClass.Van)] } },
            "unknown strategy" => l with { Settings = l.Settings with { AllocationStrategy = (AllocationStrategy)9 } },
            "long lot name" => l with { Name = new string('n', LayoutLimits.MaxNameLength + 1) },
            "bidi override in lot name" => l with { Name = "Lot \u202Eesrever" },
            "long floor name" => Floor(0, f => f with { Name = new string('f', 5_000) }),
            "zero-width space in floor name" => Floor(0, f => f with { Name = "Gro\u200Bund" }),
            "floor far below" => Floor(0, f => f with { Level = int.MinValue }),
            "floor far above" => Floor(1, f => f with { Level = LayoutLimits.MaxFloorLevel + 1 }),
            "long slot number" => l with { Slots = [.. l.Slots, Slot("s7") with { Number = new string('9', LayoutLimits.MaxNameLength + 1) }] },
            "control character in slot number" => l with { Slots = [.. l.Slots, Slot("s8") with { Number = "A\u00071" }] },
            "long gate name" => Gate(0, g => g with { Name = new string('g', LayoutLimits.MaxNameLength + 1) }),
            "bidi isolate in gate name" => Gate(1, g => g with { Name = "Exit \u2067x\u2069" }),
            "lane too high" => Gate(1, g => g with { Lane = LayoutLimits.MaxLane + 1 }),
            "long slot id" => l with { Slots = [.. l.Slots, Slot(new string('s', LayoutLimits.MaxIdLength + 1)) with { Number = "n9" }] },
            "zero-width joiner in floor id" => RenameFloor(1, "F\u200D1"),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }
}
