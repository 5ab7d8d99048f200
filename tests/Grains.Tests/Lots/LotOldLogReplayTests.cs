using System.Text.Json;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Notifications;
using ParkingGrains.Grains.Lots.Events;
using ParkingGrains.Grains.Tests.Infrastructure;
using ParkingGrains.Storage.EventLog;
using ParkingGrains.Storage.GrainState;
using static ParkingGrains.Grains.Tests.Infrastructure.DomainCluster;

namespace ParkingGrains.Grains.Tests.Lots;

/// <summary>
/// Issue 9, "replay never throws": a log written by a version that believed every value — the cases the issue found
/// (times in year 1 and 9999, far reservations, odd amounts), an event that cannot be read and one that cannot be
/// applied — still activates the lot, which answers, decides, and tells an operator what it skipped.
/// </summary>
[Collection(BoundsCollection.Name)]
public sealed class LotOldLogReplayTests(BoundsClusterFixture fixture)
{
    private static readonly DateTimeOffset Year1 = new(1, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Year9999 = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ALotWhoseLogHoldsEveryRejectedCase_Activates_Answers_AndAlertsOnce_AlsoAfterARestart()
    {
        const string lotId = "OLD1";
        var now = DateTimeOffset.UtcNow;
        var layout = TestLayout(lotId, cars: 6);
        var events = new List<LotEvent>
        {
            new LotConfigured(layout, Tariff(), now.AddDays(-1)),
            Entered(lotId, "first", 1, "c1", "FIRST1", now.AddHours(-1)),             // the command id finding 4 lost
            Entered(lotId, "year1", 2, "c2", "YEAR1", Year1),                          // findings 1 and 2
            Denied("year1-exit", "YEAR1", Year1),                                       // finding 1: a refused exit dated year 1
            Denied("far-future", "FAR", Year9999),                                      // finding 4: pruned the memory by event time
            Entered(lotId, "y9999", 3, "c3", "Y9999", Year9999),                       // finding 5: free parking
            Booked(lotId, "res-9999", "c4", Year9999.AddDays(-1), Year9999, now),        // findings 2 and 3
            Booked(lotId, "res-year1", "c5", Year1, Year1.AddDays(1), Year1),
            Paid(lotId, "pay-odd", 1, 12.345m, now),                                    // finding 8: precision
            Paid(lotId, "pay-million", 1, 1_000_000m, now),                             // finding 8: overpayment
        };
        var grainId = fixture.Grains.GetGrain<ILotGrain>(lotId).GetGrainId();
        var rows = events.Select(e => new EventToAppend(e.GetType().Name, e.OccurredAt, JsonSerializer.Serialize(e, GrainStateSerializer.Default.Options))).ToList();
        rows.Add(new EventToAppend("VehicleEntered", now, """{"$type":"vehicleEntered","eventId":"broken","occurredAt":"not a time"}"""));
        rows.Add(new EventToAppend("Mystery", now, """{"$type":"somethingNewer","eventId":"x"}"""));
        rows.Add(new EventToAppend("VehicleEntered", now, JsonSerializer.Serialize<LotEvent>(Entered(lotId, "null-session", 4, "c6", "NULLS", now) with { SessionId = null! }, GrainStateSerializer.Default.Options)));
        await fixture.Log.AppendAsync(grainId, "lot", 0, rows);

        await AssertTheLotWorksAsync(lotId, "after");
        await fixture.Cluster.RestartAllSilosAsync();
        await AssertTheLotWorksAsync(lotId, "again");

        var alerts = await Eventually.ReturnsAsync(
            () => fixture.Grains.GetGrain<ILotAlertsGrain>(lotId).List(50, includeAcknowledged: true),
            list => list.Count(a => a.AlertId.StartsWith("replay:", StringComparison.Ordinal)) == 3,
            TimeSpan.FromSeconds(20), "one alert per skipped event");
        Assert.Equal(["replay:11", "replay:12", "replay:13"], alerts.Select(a => a.AlertId).Where(id => id.StartsWith("replay:", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ALotWhoseSnapshotCannotBeRead_IsRebuiltFromItsLog_AndAlerts()
    {
        var lot = await fixture.Grains.ConfiguredLotAsync("SNAP1", cars: 3);
        var entry = await lot.Enter(new EntryCommand("s1", "SNAP1-in", "SNAP1", null, VehicleClass.Car, DateTimeOffset.UtcNow));
        var version = (await lot.GetStatus()).Version;
        fixture.Storage.OverwriteJson("lot.snapshot", lot.GetGrainId(), $$"""{"version":{{version}},"stateJson":"{ this is not a lot"}""");

        await fixture.Cluster.RestartAllSilosAsync();

        var after = fixture.Grains.GetGrain<ILotGrain>("SNAP1");
        Assert.Equal(version, (await after.GetStatus()).Version);
        Assert.Equal(entry.SessionId, Assert.Single(await after.GetActiveSessions(null)).SessionId);
        Assert.Equal(entry.SessionId, (await after.Enter(new EntryCommand("s1", "SNAP1-in", "SNAP1", null, VehicleClass.Car, DateTimeOffset.UtcNow))).SessionId);
        await Eventually.ReturnsAsync(
            () => fixture.Grains.GetGrain<ILotAlertsGrain>("SNAP1").List(10, includeAcknowledged: true),
            list => list.Any(a => a.AlertId == "replay:snapshot"),
            TimeSpan.FromSeconds(20), "an alert about the unreadable snapshot");
    }

        private async Task AssertTheLotWorksAsync(string lotId, string round)
    {
        var lot = fixture.Grains.GetGrain<ILotGrain>(lotId);
        var status = await lot.GetStatus();
        Assert.True(status.Configured);
        Assert.Equal(3, status.ActiveSessions);
        Assert.Equal(2, (await lot.GetReservations()).Count);

        // Finding 4: "first" is still remembered although an event dated 9999 came after it.
        var repeat = await lot.Enter(new EntryCommand("first", $"{lotId}-in", "FIRST1", null, VehicleClass.Car, DateTimeOffset.UtcNow));
        Assert.Equal($"{lotId}:T000001", repeat.SessionId);

        // New decisions, quotes and the stuck cars' exits work (the car from year 1 pays for at most 400 days).
        var entry = await lot.Enter(new EntryCommand($"new-{round}", $"{lotId}-in", $"NEW{round}", null, VehicleClass.Car, DateTimeOffset.UtcNow));
        Assert.True(entry.Allowed, entry.ReasonText);
        Assert.NotNull(await lot.Quote($"{lotId}:T000002", DateTimeOffset.UtcNow));
        var year1Exit = await lot.Exit(new ExitCommand($"x-y1-{round}", $"{lotId}-out", "YEAR1", null, null, DateTimeOffset.UtcNow));
        Assert.False(year1Exit.Open);
        Assert.Equal(DenialReason.PaymentRequired, year1Exit.Reason);
        Assert.True((await lot.Exit(new ExitCommand($"x-new-{round}", $"{lotId}-out", $"NEW{round}", null, null, DateTimeOffset.UtcNow))).Open);
    }

    private static VehicleEntered Entered(string lotId, string eventId, int ticketNumber, string slotId, string plate, DateTimeOffset at)
    {
        var ticket = $"T{ticketNumber:D6}";
        var sessionId = $"{lotId}:{ticket}";
        var decision = new EntryDecision(eventId, true, null, null, sessionId, ticket, null, false, VehicleClassCounts.Empty);
        return new VehicleEntered(eventId, sessionId, ticket, $"{lotId}-in", plate, null, VehicleClass.Car, slotId, false, false, null, decision, at);
    }

    private static ExitDenied Denied(string eventId, string plate, DateTimeOffset at) =>
        new(eventId, null, "gate", DenialReason.SessionNotFound,
            new ExitDecision(eventId, false, DenialReason.SessionNotFound, plate, null, null, new Money(0, "EUR"), new Money(0, "EUR"), VehicleClassCounts.Empty), at);

    private static ReservationBooked Booked(string lotId, string eventId, string slotId, DateTimeOffset from, DateTimeOffset to, DateTimeOffset at) =>
        new(eventId, new ReservationView($"R-{eventId}", "holder", $"P{eventId}", null, VehicleClass.Car, slotId, from, to, ReservationStatus.Booked),
            new ReservationResult(eventId, true, null, null, $"R-{eventId}", slotId, ReservationStatus.Booked), at);

    private static PaymentRecorded Paid(string lotId, string eventId, int ticketNumber, decimal amount, DateTimeOffset at)
    {
        var sessionId = $"{lotId}:T{ticketNumber:D6}";
        var result = new PaymentResult(eventId, true, null, null, sessionId, new Money(amount, "EUR"), new Money(0, "EUR"), null, VehicleClass.Car);
        return new PaymentRecorded(eventId, sessionId, VehicleClass.Car, new Money(amount, "EUR"), PaymentMethod.Cash, null, null, result, at);
    }
}
