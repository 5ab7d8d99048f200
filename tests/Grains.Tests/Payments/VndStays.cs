using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Payments;
using ParkingGrains.Grains.Interfaces.Tariffs;
using static ParkingGrains.Grains.Tests.Infrastructure.DomainCluster;

namespace ParkingGrains.Grains.Tests.Payments;

/// <summary>What the payment tests pay for: a stay in a VND lot, and VietQR requests for it.</summary>
public static class VndStays
{
    public const string Bin = "970436";
    public const string Account = "1023456789";

    // Create quotes the stay at the real clock, so stays start relative to it.
    private static readonly DateTimeOffset s_entry = DateTimeOffset.UtcNow.AddMinutes(-125);

    public static PaymentRequest VietQr(string lotId, string ticket, decimal amount, string? purpose = null) =>
        new(lotId, ticket, Vnd(amount), PaymentMethod.VietQr, Bin, Account, purpose);

    public static Money Vnd(decimal amount) => new(amount, "VND");

    /// <summary>A VND lot (cars: 10 min free, 20,000 the first hour, 10,000 each started hour after) with one car inside since 2 h 5 min ago.</summary>
    public static async Task<(ILotGrain Lot, string Ticket)> StayAsync(IGrainFactory grains, string lotId)
    {
        var lot = grains.GetGrain<ILotGrain>(lotId);
        var tariff = new Tariff("VND", [new VehicleClassRate(VehicleClass.Car, TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), 20_000m, TimeSpan.FromHours(1), 10_000m)]);
        var configured = await lot.Configure(TestLayout(lotId, cars: 2) with { Currency = "VND", TimeZoneId = "Asia/Ho_Chi_Minh" }, tariff);
        Assert.True(configured.Applied, string.Join("; ", configured.Problems));
        var entry = await lot.Enter(new EntryCommand($"{lotId}-e1", $"{lotId}-in", "51F-123.45", null, VehicleClass.Car, s_entry));
        Assert.True(entry.Allowed, entry.ReasonText);
        return (lot, entry.Ticket!);
    }
}
