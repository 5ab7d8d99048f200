using ParkingGrains.Domain.Fees;
using ParkingGrains.GateAgent.Journal;
using ParkingGrains.GateAgent.Lane;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Cards;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.GateAgent.Tests.Lane;

/// <summary>The lane's own decisions from its cache and outbox while the cluster is unreachable.</summary>
public sealed class OfflineDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private static readonly Tariff Eur = new("EUR",
    [
        new VehicleClassRate(VehicleClass.Car, TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), 2.00m, TimeSpan.FromHours(1), 1.50m),
    ]);

    [Theory]
    [InlineData(5, 0, true)]
    [InlineData(3, 0, true)]
    [InlineData(2, 0, false)]
    [InlineData(5, 2, true)]
    [InlineData(5, 3, false)]
    public void Capacity_KeepsTheMargin_AfterTheLanesOwnOfflineEntries(int free, int offlineEntries, bool allowed)
    {
        var cache = Cache(free);
        var pending = Enumerable.Range(0, offlineEntries).Select(i => Pending(i, new EntryCommand($"e{i}", "g-in", $"AA-{i}", null, VehicleClass.Car, Now))).ToList();
        var (open, reason, _) = OfflineDecider.DecideEntry(cache, pending, new EntryCommand("new", "g-in", "NEW-1", null, VehicleClass.Car, Now), capacityMargin: 2);
        Assert.Equal(allowed, open);
        Assert.Equal(allowed ? null : DenialReason.ClassFull, reason);
    }

    [Theory]
    [InlineData("card-ok", null)]
    [InlineData("card-blocked", DenialReason.CardBlocked)]
    [InlineData("card-expired", DenialReason.CardExpired)]
    [InlineData("card-unknown", DenialReason.CardUnknown)]
    public void ACard_MustBeKnownValidAndNotBlocked(string cardId, DenialReason? expected)
    {
        var (open, reason, _) = OfflineDecider.DecideEntry(Cache(10), [], new EntryCommand("e", "g-in", null, cardId, VehicleClass.Car, Now), 2);
        Assert.Equal(expected is null, open);
        Assert.Equal(expected, reason);
    }

    [Fact]
    public void APlateInside_OrLetInOfflineAlready_IsRefused_WhenTheLotsPolicyIsDeny()
    {
        var cache = Cache(10);
        Assert.Equal(DenialReason.PlateAlreadyInside, OfflineDecider.DecideEntry(cache, [], new EntryCommand("e", "g-in", "51f-123.45", null, VehicleClass.Car, Now), 2).Reason);
        var pending = new[] { Pending(1, new EntryCommand("e1", "g-in", "30A-9999", null, VehicleClass.Car, Now)) };
        Assert.Equal(DenialReason.PlateAlreadyInside, OfflineDecider.DecideEntry(cache, pending, new EntryCommand("e2", "g-in", "30A9999", null, VehicleClass.Car, Now), 2).Reason);
        Assert.True(OfflineDecider.DecideEntry(cache with { PlateAlreadyInside = PlateInsidePolicy.Flag }, [], new EntryCommand("e", "g-in", "51F12345", null, VehicleClass.Car, Now), 2).Open);
    }

    [Fact]
    public void AnExit_IsChargedWithTheLotsFeeEngine_MinusWhatWasPaid_AndAStayLetOutOfflineIsNotFoundAgain()
    {
        var cache = Cache(10);
        var stay = OfflineDecider.FindStay(cache, [], "51F-123.45", null);
        Assert.NotNull(stay);
        var (fee, due) = OfflineDecider.Charge(cache, stay, Now);
        var expected = FeeCalculator.Calculate(Eur, VehicleClass.Car, stay.EntryTime, Now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        Assert.Equal(expected.Total, fee.Total);
        Assert.Equal(expected.Total.Amount - 1.00m, due.Amount);

        var exited = new[] { Pending(1, new OfflineExit(new ExitCommand("x1", "g-out", "51F12345", null, null, Now), stay.SessionId), OutboxKind.Exit) };
        Assert.Null(OfflineDecider.FindStay(cache, exited, "51F-123.45", null));
    }

    [Fact]
    public void WithoutACache_NothingIsDecidedOffline()
    {
        Assert.False(OfflineDecider.DecideEntry(null, [], new EntryCommand("e", "g-in", "AA-1", null, VehicleClass.Car, Now), 2).Open);
        Assert.Null(OfflineDecider.FindStay(null, [], "AA-1", null));
    }

    private static LaneCache Cache(int freeCars) => new("L1", "Lot 1", "Europe/Berlin", GateDirection.In, Eur,
        new Dictionary<VehicleClass, int> { [VehicleClass.Car] = freeCars }, PlateInsidePolicy.Deny,
        [
            new CardDefinition("card-ok", CardKind.Visitor, "Ann", [], ["L1"], Now.AddDays(-1), Now.AddDays(1), 0),
            new CardDefinition("card-blocked", CardKind.Visitor, "Bob", [], ["L1"], Now.AddDays(-1), Now.AddDays(1), 0, Blocked: true),
            new CardDefinition("card-expired", CardKind.Visitor, "Cy", [], ["L1"], Now.AddDays(-10), Now.AddDays(-1), 0),
        ],
        [new LaneStay("L1:T000001", "T000001", "51F-123.45", null, VehicleClass.Car, Now.AddHours(-3), 1.00m, false, null)],
        Now);

    private static OutboxItem Pending<T>(long sequence, T command, OutboxKind kind = OutboxKind.Entry) =>
        new(sequence, $"ev{sequence}", kind, OutboxCommands.Write(command), "offline", Now, 0);
}
