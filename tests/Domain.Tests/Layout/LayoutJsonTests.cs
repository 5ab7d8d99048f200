using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Domain.Layout;

namespace ParkingGrains.Domain.Tests.Layout;

public sealed class LayoutJsonTests
{
    [Fact]
    public void Export_then_import_round_trips_every_field()
    {
        var layout = TestLayouts.Valid();
        var json = LayoutJson.Export(layout);

        var result = LayoutJson.Import(json);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var back = result.Layout!;
        Assert.Equal(json, LayoutJson.Export(back));
        Assert.Equal(layout.LotId, back.LotId);
        Assert.Equal("tariff-standard", back.TariffId);
        Assert.Equal(layout.Floors, back.Floors);
        Assert.Equal(layout.Gates, back.Gates);
        Assert.Equal(layout.Settings.OverflowRules, back.Settings.OverflowRules);
        Assert.Equal(layout.Slots.Count, back.Slots.Count);
        for (var i = 0; i < layout.Slots.Count; i++)
        {
            Assert.Equal(layout.Slots[i] with { GateDistances = null! }, back.Slots[i] with { GateDistances = null! });
            Assert.Equal(layout.Slots[i].GateDistances.OrderBy(d => d.Key), back.Slots[i].GateDistances.OrderBy(d => d.Key));
        }
    }

    [Fact]
    public void Export_is_camel_case_with_enums_as_strings_and_distances_in_gate_order()
    {
        var slot = new SlotDefinition("s1", "F0", "1", VehicleClass.Motorcycle, false, false, new Dictionary<string, double> { ["out"] = 3, ["in"] = 4.5 });
        var json = LayoutJson.Export(TestLayouts.Valid(slot));

        Assert.Contains("\"lotId\": \"lot-1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"size\": \"motorcycle\"", json, StringComparison.Ordinal);
        Assert.Contains("\"direction\": \"in\"", json, StringComparison.Ordinal);
        Assert.Contains("\"allocationStrategy\": \"bestFitNearest\"", json, StringComparison.Ordinal);
        Assert.True(json.IndexOf("\"in\": 4.5", StringComparison.Ordinal) < json.IndexOf("\"out\": 3", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_accepts_enum_names_in_any_case_and_defaults_missing_settings()
    {
        const string json = """
            {
              "lotId": "x", "name": "X", "timeZoneId": "Asia/Ho_Chi_Minh", "currency": "VND",
              "floors": [ { "floorId": "G", "name": "Ground", "level": 0 } ],
              "gates": [ { "gateId": "g1", "name": "Gate", "direction": "BOTH", "lane": 1 } ],
              "slots": [ { "slotId": "a", "floorId": "G", "number": "1", "size": "Car", "gateDistances": { "g1": 7 } } ],
            }
            """;

        var result = LayoutJson.Import(json);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(GateDirection.Both, result.Layout!.Gates[0].Direction);
        Assert.Equal(LotSettings.Default.AllocationStrategy, result.Layout.Settings.AllocationStrategy);
        Assert.Null(result.Layout.TariffId);
    }

    [Fact]
    public void Import_reports_every_problem_with_json_paths_and_no_layout()
    {
        const string json = """
            {
              "lotId": "", "name": "X", "timeZoneId": "Mars/Olympus", "currency": "euro",
              "floors": [ { "floorId": "G" }, { "floorId": "G" } ],
              "gates": [ { "gateId": "g1", "direction": "sideways" }, { "gateId": "g2", "direction": "in" } ],
              "slots": [
                { "slotId": "a", "floorId": "G", "number": "1", "gateDistances": { "g1": 1, "g2": 1 } },
                { "slotId": "b", "floorId": "G", "number": "2", "size": "truck", "gateDistances": { "g1": -1, "g2": "NaN", "g9": 3 } }
              ],
              "settings": { "allocationStrategy": "random", "overflowRules": [ { "from": "car", "to": "motorcycle" } ] }
            }
            """;

        var result = LayoutJson.Import(json);

        Assert.False(result.IsValid);
        Assert.Null(result.Layout);
        var found = result.Problems.Select(p => (p.Location, p.Code)).ToHashSet();
        Assert.Contains(("$.lotId", LayoutProblemCodes.EmptyId), found);
        Assert.Contains(("$.timeZoneId", LayoutProblemCodes.UnknownTimeZone), found);
        Assert.Contains(("$.currency", LayoutProblemCodes.InvalidCurrency), found);
        Assert.Contains(("$.floors[1].floorId", LayoutProblemCodes.DuplicateFloorId), found);
        Assert.Contains(("$.gates[0].direction", LayoutProblemCodes.UnknownValue), found);
        Assert.Contains(("$.slots[0].size", LayoutProblemCodes.MissingSize), found);
        Assert.Contains(("$.slots[1].size", LayoutProblemCodes.UnknownSize), found);
        Assert.Contains(("$.slots[1].gateDistances.g1", LayoutProblemCodes.NegativeDistance), found);
        Assert.Contains(("$.slots[1].gateDistances.g2", LayoutProblemCodes.NonFiniteDistance), found);
        Assert.Contains(("$.slots[1].gateDistances.g9", LayoutProblemCodes.UnknownGate), found);
        Assert.Contains(("$.settings.allocationStrategy", LayoutProblemCodes.UnknownValue), found);
        Assert.Contains(("$.settings.overflowRules[0]", LayoutProblemCodes.InvalidOverflowRule), found);
        // The unknown direction is not also reported as a missing entry/exit gate.
        Assert.DoesNotContain(result.Problems, p => p.Code is LayoutProblemCodes.NoEntryGate or LayoutProblemCodes.NoExitGate);
        Assert.Equal(12, result.Problems.Count);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{ \"slots\": 5 }")]
    [InlineData("null")]
    public void Import_of_malformed_json_is_one_problem_not_an_exception(string json)
    {
        var result = LayoutJson.Import(json);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(LayoutProblemCodes.InvalidJson, problem.Code);
        Assert.Null(result.Layout);
    }

    [Fact]
    public void Layout_round_trips_through_the_runtime_state_serializer()
    {
        // Grain state and messages use the runtime's own JSON settings, not the import/export ones.
        var serializer = ParkingGrains.Storage.GrainState.GrainStateSerializer.Default;
        var layout = DemoLayouts.Saigon;

        var back = serializer.Deserialize<LotLayout>(serializer.Serialize(layout));

        Assert.Equal(LayoutJson.Export(layout), LayoutJson.Export(back));
    }
}
