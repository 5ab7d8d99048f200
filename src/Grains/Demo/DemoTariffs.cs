using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.Grains.Demo;

/// <summary>Plausible tariffs for the demo lots (VND in Saigon, EUR in Berlin).</summary>
public static class DemoTariffs
{
    public static Tariff Vnd { get; } = new("VND",
    [
        new VehicleClassRate(VehicleClass.Motorcycle, TimeSpan.FromMinutes(15), TimeSpan.FromHours(4), 5_000m, TimeSpan.FromHours(4), 5_000m,
            DailyCap: 20_000m, Overnight: new OvernightWindow(new TimeOnly(22, 0), new TimeOnly(6, 0), 10_000m), LostTicketFee: 50_000m),
        new VehicleClassRate(VehicleClass.Car, TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), 30_000m, TimeSpan.FromHours(1), 20_000m,
            DailyCap: 200_000m, Overnight: new OvernightWindow(new TimeOnly(22, 0), new TimeOnly(6, 0), 80_000m), LostTicketFee: 200_000m),
        new VehicleClassRate(VehicleClass.Van, TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), 50_000m, TimeSpan.FromHours(1), 30_000m,
            DailyCap: 300_000m, LostTicketFee: 300_000m),
        new VehicleClassRate(VehicleClass.Bus, TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), 100_000m, TimeSpan.FromHours(1), 60_000m,
            DailyCap: 600_000m, LostTicketFee: 500_000m),
    ]);

    public static Tariff Eur { get; } = new("EUR",
    [
        new VehicleClassRate(VehicleClass.Motorcycle, TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), 1.00m, TimeSpan.FromHours(1), 0.50m, DailyCap: 6m, LostTicketFee: 15m),
        new VehicleClassRate(VehicleClass.Car, TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), 3.00m, TimeSpan.FromMinutes(30), 1.20m,
            DailyCap: 24m, Overnight: new OvernightWindow(new TimeOnly(20, 0), new TimeOnly(8, 0), 6m), LostTicketFee: 30m),
    ]);
}
