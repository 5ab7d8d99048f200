using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;

namespace ParkingGrains.Domain.Tests.Layout;

/// <summary>Small hand-made layouts for tests.</summary>
internal static class TestLayouts
{
    public static SlotDefinition Slot(string id, VehicleClass size = VehicleClass.Car, double toIn = 10, double toOut = 20, string floor = "F0", bool ev = false, bool accessible = false) =>
        new(id, floor, id, size, ev, accessible, new Dictionary<string, double> { ["in"] = toIn, ["out"] = toOut });

    public static LotLayout Valid(params SlotDefinition[] slots) => new(
        "lot-1",
        "Test lot",
        "Europe/Berlin",
        "EUR",
        [new FloorDefinition("F0", "Ground", 0), new FloorDefinition("F1", "First", 1)],
        [new GateDefinition("in", "Entry", GateDirection.In, 1), new GateDefinition("out", "Exit", GateDirection.Out, 2)],
        slots.Length > 0 ? slots : [Slot("s1"), Slot("s2", VehicleClass.Motorcycle, 5, 30), Slot("s3", VehicleClass.Van, 40, 2, "F1", ev: true)],
        LotSettings.Default with { OverflowRules = [new OverflowRule(VehicleClass.Motorcycle, VehicleClass.Car)] },
        "tariff-standard");
}
