using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Domain.Layout;

namespace ParkingGrains.Domain.Tests.Layout;

public sealed class DemoLayoutsTests
{
    [Fact]
    public void Both_demo_lots_are_valid_and_survive_json_and_csv()
    {
        foreach (var layout in DemoLayouts.All)
        {
            var result = LayoutValidator.Validate(layout);
            Assert.True(result.IsValid, string.Join("\n", result.Problems));

            var json = LayoutJson.Export(layout);
            Assert.Equal(json, LayoutJson.Export(LayoutJson.Import(json).Layout!));
            Assert.Equal(json, LayoutJson.Export(LayoutCsv.ImportSlots(layout, LayoutCsv.ExportSlots(layout)).Layout!));
        }
    }

    [Fact]
    public void Saigon_is_a_multi_floor_mixed_lot_of_about_300_slots()
    {
        var lot = DemoLayouts.Saigon;

        Assert.Equal(("Asia/Ho_Chi_Minh", "VND"), (lot.TimeZoneId, lot.Currency));
        Assert.Equal(300, lot.Slots.Count);
        Assert.Equal(3, lot.Floors.Count);
        Assert.Equal(3, lot.Slots.Select(s => s.FloorId).Distinct().Count());
        Assert.All(Enum.GetValues<VehicleClass>(), c => Assert.Contains(lot.Slots, s => s.Size == c));
        Assert.Contains(lot.Slots, s => s.Ev);
        Assert.Contains(lot.Slots, s => s.Accessible);
        Assert.Equal([GateDirection.In, GateDirection.Out], lot.Gates.Select(g => g.Direction));
    }

    [Fact]
    public void Berlin_is_a_small_lot_with_a_gate_pair()
    {
        var lot = DemoLayouts.Berlin;

        Assert.Equal(("Europe/Berlin", "EUR"), (lot.TimeZoneId, lot.Currency));
        Assert.Equal(20, lot.Slots.Count);
        Assert.Equal([GateDirection.In, GateDirection.Out], lot.Gates.Select(g => g.Direction));
    }

    [Fact]
    public void Demo_lots_are_deterministic()
    {
        // The properties are built once; building again (as another silo would) gives the same text.
        var again = typeof(DemoLayouts).GetMethod("BuildSaigon", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.Invoke(null, null);
        Assert.Equal(LayoutJson.Export(DemoLayouts.Saigon), LayoutJson.Export((LotLayout)again!));
    }
}
