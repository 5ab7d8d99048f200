using Orleans;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.WebApi.Tests.Reports;

/// <summary>
/// A small known history driven through the real lot grain: one lot in Ho Chi Minh City (UTC+7, VND), five stays on
/// 2 and 3 March 2026 local, four payments, one of them 5,000 above what was due (with the overpayment flag). Expected
/// report values are worked out by hand below.
/// </summary>
public static class ReportScenario
{
    public const string LotId = "rep-a";
    public const string LotName = "Riverside Garage";

    // Local days 2 and 3 March (query from=2026-03-02&to=2026-03-04 in the lot's zone).
    public const string From = "2026-03-02";
    public const string To = "2026-03-04";

    // 25,000 + 5,000 + 35,000 on 2 March; on 3 March C3 owes 45,000 and pays 50,000 on purpose.
    public const decimal Total = 115_000m;
    public const decimal Day2 = 65_000m;
    public const decimal Day3 = 50_000m;
    public const decimal Overpaid = 5_000m;
    public const int Payments = 4;

    // Occupancy over both days: 5 entries, 4 exits, none force-closed, 1 car still inside.
    public const int Entries = 5;
    public const int Exits = 4;
    public const int InsideAtEnd = 1;

    private static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static async Task RunAsync(IGrainFactory grains)
    {
        var lot = grains.GetGrain<ILotGrain>(LotId);
        var configured = await lot.Configure(Layout(), Tariff());
        Assert.True(configured.Applied, string.Join("; ", configured.Problems.Select(p => p.Message)));

        await StayAsync(lot, "C1", VehicleClass.Car, Local(2, 8, 0), (25_000m, PaymentMethod.Card, Local(2, 8, 50)), Local(2, 8, 55));
        await StayAsync(lot, "M1", VehicleClass.Motorcycle, Local(2, 9, 0), (5_000m, PaymentMethod.Cash, Local(2, 9, 40)), Local(2, 9, 45));
        await StayAsync(lot, "C2", VehicleClass.Car, Local(2, 10, 0), (35_000m, PaymentMethod.VietQr, Local(2, 11, 30)), Local(2, 11, 35));
        // 2 h 20 min: 25,000 + 2 × 10,000 = 45,000 due.
        await StayAsync(lot, "C3", VehicleClass.Car, Local(3, 14, 0), (45_000m + Overpaid, PaymentMethod.Cash, Local(3, 16, 20)), Local(3, 16, 25), overpayment: true);
        await StayAsync(lot, "C4", VehicleClass.Car, Local(3, 18, 0), null, null);
    }

    private static DateTimeOffset Local(int day, int hour, int minute) => new(2026, 3, day, hour, minute, 0, Offset);

    private static async Task StayAsync(
        ILotGrain lot, string vehicle, VehicleClass vehicleClass, DateTimeOffset entry, (decimal Amount, PaymentMethod Method, DateTimeOffset At)? payment, DateTimeOffset? exit,
        bool overpayment = false)
    {
        var entered = await lot.Enter(new EntryCommand($"{vehicle}-in", $"{LotId}-in", $"51A-{vehicle}", null, vehicleClass, entry));
        Assert.True(entered.Allowed, entered.ReasonText);
        if (payment is { } pay)
        {
            var paid = await lot.Pay(new PaymentCommand($"{vehicle}-pay", entered.SessionId!, new Money(pay.Amount, "VND"), pay.Method, pay.At, Overpayment: overpayment));
            Assert.True(paid.Accepted, paid.ReasonText);
        }

        if (exit is { } at)
        {
            var exited = await lot.Exit(new ExitCommand($"{vehicle}-out", $"{LotId}-out", $"51A-{vehicle}", null, null, at));
            Assert.True(exited.Open, exited.ReasonText);
        }
    }

    private static LotLayout Layout()
    {
        var gates = new List<GateDefinition> { new($"{LotId}-in", "Entry", GateDirection.In, 1), new($"{LotId}-out", "Exit", GateDirection.Out, 2) };
        IReadOnlyDictionary<string, double> Distances(int i) => gates.ToDictionary(g => g.GateId, _ => (double)i);
        var slots = Enumerable.Range(1, 4).Select(i => new SlotDefinition($"c{i}", "G", $"C{i}", VehicleClass.Car, false, false, Distances(i)))
            .Append(new SlotDefinition("m1", "G", "M1", VehicleClass.Motorcycle, false, false, Distances(1)))
            .ToList();
        return new LotLayout(LotId, LotName, "Asia/Ho_Chi_Minh", "VND", [new FloorDefinition("G", "Ground", 0)], gates, slots, LotSettings.Default);
    }

    /// <summary>Cars: 10 min free, 25,000 the first hour, 10,000 each started hour after; motorcycles 5,000 then 3,000.</summary>
    private static Tariff Tariff() => new("VND",
    [
        new VehicleClassRate(VehicleClass.Car, TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), 25_000m, TimeSpan.FromHours(1), 10_000m),
        new VehicleClassRate(VehicleClass.Motorcycle, TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), 5_000m, TimeSpan.FromHours(1), 3_000m),
    ]);
}
