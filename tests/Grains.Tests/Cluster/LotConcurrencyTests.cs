using Npgsql;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Tests.Infrastructure;
using static ParkingGrains.Grains.Tests.Infrastructure.DomainCluster;

namespace ParkingGrains.Grains.Tests.Cluster;

/// <summary>The turn model against a crowd: 3 silos over PostgreSQL, 50 gates, more cars than slots, then a silo crash and a full replay.</summary>
public sealed class LotConcurrencyTests(PostgreSqlFailoverFixture fixture) : IClassFixture<PostgreSqlFailoverFixture>
{
    private const int Gates = 50;
    private const int EntriesPerGate = 20;
    private const int Slots = 600;

    [Fact]
    public async Task FiftyGatesTimesTwentyEntries_NeverDoubleBook_CountExactly_AndReplayIdenticallyAfterASiloCrash()
    {
        var cluster = fixture.Cluster;
        var lot = cluster.Client.GetGrain<ILotGrain>("crowded");
        Assert.True((await lot.Configure(TestLayout("crowded", cars: Slots, extraEntryGates: Gates), Tariff())).Applied);

        var commands = Enumerable.Range(1, Gates).SelectMany(g => Enumerable.Range(0, EntriesPerGate).Select(i =>
            new EntryCommand($"g{g}-e{i}", $"crowded-in{g}", $"P{g:D2}-{i:D3}", null, VehicleClass.Car, T0.AddSeconds(i)))).ToList();

        // Each gate is one lane: its vehicles arrive one after another; the 50 lanes run at once.
        var first = await RunGatesAsync(cluster.Client, commands);

        var sessions = await lot.GetActiveSessions(null);
        Assert.Equal(Slots, sessions.Count);
        Assert.Equal(sessions.Count, sessions.Select(s => s.SlotId).Distinct().Count());
        Assert.Equal(Slots, first.Values.Count(d => d.Allowed));
        Assert.All(first.Values.Where(d => !d.Allowed), d =>
        {
            Assert.Equal(DenialReason.ClassFull, d.Reason);
            Assert.False(string.IsNullOrWhiteSpace(d.ReasonText));
        });
        var status = await lot.GetStatus();
        Assert.Equal(0, status.Classes[VehicleClass.Car].Free);
        Assert.Equal(Slots, status.Classes[VehicleClass.Car].Occupied);
        var history = await HistoryAsync(fixture.ServiceId, "crowded");
        Assert.Equal(Slots, history.GetValueOrDefault("VehicleEntered"));
        Assert.Equal(commands.Count - Slots, history.GetValueOrDefault("EntryDenied"));

        // Crash the silo that hosts the lot, then send every event again: the same answers, nothing new recorded.
        await cluster.KillSiloAsync(cluster.HostOf(lot));
        var replay = await RunGatesAsync(cluster.Client, commands);

        foreach (var (eventId, original) in first)
        {
            var again = replay[eventId];
            Assert.Equal((original.Allowed, original.SessionId, original.Slot?.SlotId, original.Reason), (again.Allowed, again.SessionId, again.Slot?.SlotId, again.Reason));
        }

        var after = await lot.GetActiveSessions(null);
        Assert.Equal(sessions.Select(s => (s.SessionId, s.SlotId)).Order(), after.Select(s => (s.SessionId, s.SlotId)).Order());
        Assert.Equal(history, await HistoryAsync(fixture.ServiceId, "crowded"));
    }

    [Fact]
    public async Task AnUnclaimedReservation_ExpiresAfterTheSiloHoldingItRestarts()
    {
        var cluster = fixture.Cluster;
        var lot = cluster.Client.GetGrain<ILotGrain>("resv");
        Assert.True((await lot.Configure(TestLayout("resv", cars: 2), Tariff())).Applied);
        var now = DateTimeOffset.UtcNow;
        var booked = await lot.Reserve(new ReservationCommand("r1", "driver", "HOLD-1", null, VehicleClass.Car, "c1", now.AddSeconds(-1), now.AddSeconds(4), now));
        Assert.True(booked.Accepted);

        // Restart every silo (rolling): the reminder is stored outside the silos and must still release the hold.
        foreach (var silo in cluster.Silos.ToList())
        {
            await cluster.StartAdditionalSiloAsync();
            await cluster.WaitForLivenessToStabilizeAsync();
            await cluster.StopSiloAsync(silo);
        }

        await cluster.WaitForLivenessToStabilizeAsync();
        await Eventually.TrueAsync(async () => (await lot.GetReservations()).Count == 0, TimeSpan.FromSeconds(30), "the reservation to expire");

        Assert.Empty(await lot.GetReservations());
        Assert.Equal(1, (await HistoryAsync(fixture.ServiceId, "resv")).GetValueOrDefault("ReservationExpired"));
        Assert.Equal(2, (await lot.GetStatus()).Classes[VehicleClass.Car].Free);
    }

    private static async Task<Dictionary<string, EntryDecision>> RunGatesAsync(IGrainFactory grains, IReadOnlyList<EntryCommand> commands)
    {
        var results = await Task.WhenAll(commands.GroupBy(c => c.GateId).Select(async lane =>
        {
            var gate = grains.GetGrain<IGateGrain>(lane.Key);
            var decisions = new List<EntryDecision>();
            foreach (var command in lane)
            {
                decisions.Add(await gate.Enter(command));
            }

            return decisions;
        }));
        return results.SelectMany(d => d).ToDictionary(d => d.EventId);
    }

    /// <summary>Event counts by kind for one lot, straight from the SQL history (never from grain state).</summary>
    private static async Task<Dictionary<string, long>> HistoryAsync(string serviceId, string lotId)
    {
        await using var connection = new NpgsqlConnection(TestServers.PostgreSql);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT kind, count(*) FROM event_log WHERE service_id = $1 AND grain_type = 'lot' AND grain_key = $2 GROUP BY kind", connection);
        command.Parameters.AddWithValue(serviceId);
        command.Parameters.AddWithValue(lotId);
        var counts = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }
}
