using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;

namespace ParkingGrains.Domain.Layout;

/// <summary>
/// The two lots <c>./run.sh</c> seeds. Built by formula, never at random, so every run and every silo sees the
/// same layout; both pass <see cref="LayoutValidator"/> (a test keeps it that way).
/// </summary>
public static class DemoLayouts
{
    public const string SaigonLotId = "demo-saigon";
    public const string BerlinLotId = "demo-berlin";

    /// <summary>Both demo lots.</summary>
    public static IReadOnlyList<LotLayout> All => [Saigon, Berlin];

    /// <summary>
    /// 300 slots over three floors: ground floor with 126 motorcycles, 6 vans, 6 accessible cars and a 2-bay bus
    /// area; two upper floors of 80 cars each with 10 EV chargers per floor. One entry and one exit gate at
    /// opposite ends of the ground floor; upper floors add the ramp length. Motorcycles overflow into car slots.
    /// </summary>
    public static LotLayout Saigon { get; } = BuildSaigon();

    /// <summary>20 slots on one floor (16 cars of which 2 EV, 2 accessible, 2 motorcycles); round-robin allocation.</summary>
    public static LotLayout Berlin { get; } = BuildBerlin();

    private static LotLayout BuildSaigon()
    {
        const string gateIn = "sgn-in-1";
        const string gateOut = "sgn-out-1";
        const double floorLength = 120; // metres from the entry end to the exit end of a floor
        const double ramp = 45;         // extra metres per floor climbed
        var slots = new List<SlotDefinition>();

        void Add(string floorId, int level, string number, VehicleClass size, double along, bool ev = false, bool accessible = false)
        {
            var climb = level * ramp;
            slots.Add(new SlotDefinition(
                $"{floorId}-{number}",
                floorId,
                number,
                size,
                ev,
                accessible,
                new Dictionary<string, double>(StringComparer.Ordinal)
                {
                    [gateIn] = Math.Round(climb + along, 1),
                    [gateOut] = Math.Round(climb + (floorLength - along), 1),
                }));
        }

        // Ground floor: accessible bays beside the entry, motorcycles in three rows of 42, vans and the bus bay at the far end.
        for (var i = 1; i <= 6; i++)
        {
            Add("G", 0, $"A{i:00}", VehicleClass.Car, 4 + (i * 2.5), accessible: true);
        }

        for (var i = 1; i <= 126; i++)
        {
            var row = (i - 1) / 42;
            var pos = (i - 1) % 42;
            Add("G", 0, $"M{i:000}", VehicleClass.Motorcycle, 20 + (pos * 1.5) + (row * 3));
        }

        for (var i = 1; i <= 6; i++)
        {
            Add("G", 0, $"V{i:00}", VehicleClass.Van, 90 + (i * 3.5));
        }

        for (var i = 1; i <= 2; i++)
        {
            Add("G", 0, $"B{i:00}", VehicleClass.Bus, 105 + (i * 5));
        }

        // Upper floors: two rows of 40 cars; the first ten bays of the near row have chargers.
        foreach (var (floorId, level) in new[] { ("L1", 1), ("L2", 2) })
        {
            for (var i = 1; i <= 80; i++)
            {
                var row = (i - 1) / 40;
                var pos = (i - 1) % 40;
                Add(floorId, level, $"C{i:000}", VehicleClass.Car, 6 + (pos * 2.7) + (row * 6), ev: row == 0 && pos < 10);
            }
        }

        return new LotLayout(
            SaigonLotId,
            "Saigon Central Parking",
            "Asia/Ho_Chi_Minh",
            "VND",
            [new FloorDefinition("G", "Ground", 0), new FloorDefinition("L1", "Level 1", 1), new FloorDefinition("L2", "Level 2", 2)],
            [new GateDefinition(gateIn, "Entry Le Loi", GateDirection.In, 1), new GateDefinition(gateOut, "Exit Pasteur", GateDirection.Out, 2)],
            slots,
            new LotSettings(AllocationStrategy.BestFitNearest, [new OverflowRule(VehicleClass.Motorcycle, VehicleClass.Car)], PlateInsidePolicy.Deny));
    }

    private static LotLayout BuildBerlin()
    {
        const string gateIn = "ber-in";
        const string gateOut = "ber-out";
        var slots = new List<SlotDefinition>();
        for (var i = 1; i <= 20; i++)
        {
            var (size, ev, accessible) = i switch
            {
                <= 2 => (VehicleClass.Car, false, true),
                <= 4 => (VehicleClass.Car, true, false),
                >= 19 => (VehicleClass.Motorcycle, false, false),
                _ => (VehicleClass.Car, false, false),
            };
            var along = 3 + (i * 2.5);
            slots.Add(new SlotDefinition(
                $"E0-{i:00}",
                "E0",
                $"{i:00}",
                size,
                ev,
                accessible,
                new Dictionary<string, double>(StringComparer.Ordinal) { [gateIn] = along, [gateOut] = 56 - along }));
        }

        return new LotLayout(
            BerlinLotId,
            "Kiezgarage Mitte",
            "Europe/Berlin",
            "EUR",
            [new FloorDefinition("E0", "Erdgeschoss", 0)],
            [new GateDefinition(gateIn, "Einfahrt", GateDirection.In, 1), new GateDefinition(gateOut, "Ausfahrt", GateDirection.Out, 2)],
            slots,
            new LotSettings(AllocationStrategy.RoundRobin, [], PlateInsidePolicy.Flag));
    }
}
