using System.Globalization;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.Domain.Tests.Fees;

/// <summary>Hand-made tariffs with round numbers, so expected fees can be worked out on paper.</summary>
internal static class TestTariffs
{
    public static TimeZoneInfo Saigon { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static TimeZoneInfo Berlin { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>Car, VND: grace 15 min; first 1 h 20,000; then 10,000 per started hour; cap 100,000 per local day; lost ticket +200,000.</summary>
    public static VehicleClassRate Car { get; } = new(
        VehicleClass.Car,
        GracePeriod: TimeSpan.FromMinutes(15),
        FirstPeriod: TimeSpan.FromHours(1),
        FirstPeriodPrice: 20_000m,
        LaterPeriod: TimeSpan.FromHours(1),
        LaterPeriodPrice: 10_000m,
        DailyCap: 100_000m,
        LostTicketFee: 200_000m);

    /// <summary>Motorcycle, VND: grace 10 min; first 4 h 5,000; then 2,000 per started 2 h; cap 20,000 per local day.</summary>
    public static VehicleClassRate Motorcycle { get; } = new(
        VehicleClass.Motorcycle,
        GracePeriod: TimeSpan.FromMinutes(10),
        FirstPeriod: TimeSpan.FromHours(4),
        FirstPeriodPrice: 5_000m,
        LaterPeriod: TimeSpan.FromHours(2),
        LaterPeriodPrice: 2_000m,
        DailyCap: 20_000m,
        LostTicketFee: 50_000m);

    /// <summary>Van, VND: grace 15 min; first 1 h 30,000; then 10,000 per started 30 min; cap 200,000 per rolling 24 h.</summary>
    public static VehicleClassRate Van { get; } = new(
        VehicleClass.Van,
        GracePeriod: TimeSpan.FromMinutes(15),
        FirstPeriod: TimeSpan.FromHours(1),
        FirstPeriodPrice: 30_000m,
        LaterPeriod: TimeSpan.FromMinutes(30),
        LaterPeriodPrice: 10_000m,
        DailyCap: 200_000m,
        CapMode: CapMode.Rolling24Hours,
        LostTicketFee: 300_000m);

    /// <summary>Bus, VND: no grace; first 2 h 100,000; then 50,000 per started hour; no cap.</summary>
    public static VehicleClassRate Bus { get; } = new(
        VehicleClass.Bus,
        GracePeriod: TimeSpan.Zero,
        FirstPeriod: TimeSpan.FromHours(2),
        FirstPeriodPrice: 100_000m,
        LaterPeriod: TimeSpan.FromHours(1),
        LaterPeriodPrice: 50_000m,
        LostTicketFee: 500_000m);

    /// <summary>The Saigon lot: all four classes.</summary>
    public static Tariff Vnd { get; } = new("VND", [Motorcycle, Car, Van, Bus]);

    /// <summary>The Saigon car rate with an overnight window 22:00–06:00 at a flat 30,000 (cap still 100,000 per local day).</summary>
    public static Tariff VndOvernight { get; } = new("VND", [Car with { Overnight = new OvernightWindow(new TimeOnly(22, 0), new TimeOnly(6, 0), 30_000m) }]);

    /// <summary>Berlin car, EUR: grace 10 min; first 1 h 3.00; then 2.00 per started hour; no cap unless given.</summary>
    public static VehicleClassRate BerlinCar { get; } = new(
        VehicleClass.Car,
        GracePeriod: TimeSpan.FromMinutes(10),
        FirstPeriod: TimeSpan.FromHours(1),
        FirstPeriodPrice: 3.00m,
        LaterPeriod: TimeSpan.FromHours(1),
        LaterPeriodPrice: 2.00m,
        LostTicketFee: 25.00m);

    public static Tariff Only(VehicleClassRate rate, string currency = "VND") => new(currency, [rate]);

    public static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    public static decimal Amount(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
