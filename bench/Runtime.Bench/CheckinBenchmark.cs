using Npgsql;
using ParkingGrains.Grains;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Tariffs;
using ParkingGrains.Runtime.Testing;

namespace ParkingGrains.Bench;

/// <summary>
/// ./bench.sh checkin: vehicles (entry then exit) through G gates over L lots, against one silo with durable
/// PostgreSQL state, side by side with a conventional design written here: one PostgreSQL transaction per
/// decision, SELECT … FOR UPDATE SKIP LOCKED on a slots table plus the session row. Both are audited for
/// double bookings in SQL afterwards.
/// </summary>
public static class CheckinBenchmark
{
    private const int Lots = 4;
    private const int LanesPerLot = 16;
    private const int SlotsPerLot = 300;

    public static async Task<Dictionary<string, double>> RunAsync(string postgres, TimeSpan duration)
    {
        var serviceId = $"checkin-{Guid.NewGuid():N}"[..20];
        var options = new TestClusterOptions { InitialSiloCount = 1, ClusterId = "bench-checkin" };
        options.GrainAssemblies.Add(GrainsAssembly.Assembly);
        options.ConfigureSilo = silo => silo.Configure(o => o.ServiceId = serviceId)
            .AddPostgreSqlGrainStorage("Default", postgres)
            .AddPostgreSqlEventLog("Default", postgres);
        await using var cluster = await TestCluster.StartAsync(options);
        var grains = cluster.Silos[0].Client;
        for (var l = 0; l < Lots; l++)
        {
            var result = await grains.GetGrain<ILotGrain>(LotId(l)).Configure(Layout(l), FreeTariff());
            if (!result.Applied)
            {
                throw new InvalidOperationException(string.Join("; ", result.Problems));
            }
        }

        // Every operation is one decision: a lane alternates an entry and the exit of the vehicle it let in.
        var lanes = Lots * LanesPerLot;
        var run = Guid.NewGuid().ToString("N")[..6];
        var tickets = new string?[lanes];
        long commandNumber = 0;
        ValueTask GrainDecision(int lane, long i) => GrainDecisionAsync(grains, tickets, lane, $"{run}-{Interlocked.Increment(ref commandNumber)}");
        var grainPeak = await LoadRunner.RunAsync(lanes, duration, GrainDecision);
        var grainHalf = await LoadRunner.RunAsync(lanes, duration, GrainDecision, pacing: TimeSpan.FromSeconds(lanes / (grainPeak.PerSecond / 2)));

        await using var baseline = await SqlBaseline.CreateAsync(postgres, Lots, LanesPerLot, SlotsPerLot);
        var baselinePeak = await LoadRunner.RunAsync(lanes, duration, baseline.DecisionAsync);
        var baselineHalf = await LoadRunner.RunAsync(lanes, duration, baseline.DecisionAsync, pacing: TimeSpan.FromSeconds(lanes / (baselinePeak.PerSecond / 2)));

        return new Dictionary<string, double>
        {
            ["grain_vehicles_per_s"] = Math.Round(grainPeak.PerSecond / 2),
            ["baseline_vehicles_per_s"] = Math.Round(baselinePeak.PerSecond / 2),
            ["ratio"] = Math.Round(grainPeak.PerSecond / baselinePeak.PerSecond, 3),
            ["grain_p50_ms"] = Math.Round(grainHalf.P50Microseconds / 1000, 2),
            ["grain_p99_ms"] = Math.Round(grainHalf.P99Microseconds / 1000, 2),
            ["grain_peak_p50_ms"] = Math.Round(grainPeak.P50Microseconds / 1000, 2),
            ["grain_peak_p99_ms"] = Math.Round(grainPeak.P99Microseconds / 1000, 2),
            ["baseline_p50_ms"] = Math.Round(baselineHalf.P50Microseconds / 1000, 2),
            ["baseline_p99_ms"] = Math.Round(baselineHalf.P99Microseconds / 1000, 2),
            ["baseline_peak_p99_ms"] = Math.Round(baselinePeak.P99Microseconds / 1000, 2),
            ["grain_half_rate_vehicles_per_s"] = Math.Round(grainHalf.PerSecond / 2),
            ["baseline_half_rate_vehicles_per_s"] = Math.Round(baselineHalf.PerSecond / 2),
            ["grain_half_gc_pause_ms"] = Math.Round(grainHalf.GcPauseMilliseconds, 1),
            ["grain_half_gc_count"] = grainHalf.GcCount,
            ["double_bookings_grain"] = await GrainDoubleBookingsAsync(postgres, serviceId),
            ["double_bookings_baseline"] = await baseline.DoubleBookingsAsync(),
            ["lots"] = Lots,
            ["gates"] = lanes * 2,
            ["slots_per_lot"] = SlotsPerLot,
        };
    }

    private static string LotId(int lot) => $"bench-lot-{lot}";

    private static async ValueTask GrainDecisionAsync(Runtime.IGrainFactory grains, string?[] tickets, int lane, string eventId)
    {
        var lot = LotId(lane % Lots);
        var number = lane / Lots;
        var now = DateTimeOffset.UtcNow;
        if (tickets[lane] is not { } ticket)
        {
            var entry = await grains.GetGrain<IGateGrain>($"{lot}-in{number}").Enter(
                new EntryCommand(eventId, $"{lot}-in{number}", $"L{lane}-{eventId}", null, VehicleClass.Car, now));
            tickets[lane] = entry.Allowed ? entry.Ticket : throw new InvalidOperationException($"Entry refused: {entry.ReasonText}");
            return;
        }

        var exit = await grains.GetGrain<IGateGrain>($"{lot}-out{number}").Exit(new ExitCommand(eventId, $"{lot}-out{number}", null, null, ticket, now));
        tickets[lane] = exit.Open ? null : throw new InvalidOperationException($"Exit refused: {exit.ReasonText}");
    }

    private static LotLayout Layout(int lot)
    {
        var id = LotId(lot);
        var gates = Enumerable.Range(0, LanesPerLot).SelectMany(g => new[]
        {
            new GateDefinition($"{id}-in{g}", $"In {g}", GateDirection.In, g * 2),
            new GateDefinition($"{id}-out{g}", $"Out {g}", GateDirection.Out, g * 2 + 1),
        }).ToList();
        var slots = Enumerable.Range(0, SlotsPerLot).Select(s => new SlotDefinition(
            $"s{s}", "G", $"{s}", VehicleClass.Car, false, false, gates.ToDictionary(g => g.GateId, g => (double)((s * 7 + g.Lane * 13) % 500)))).ToList();
        return new LotLayout(id, id, "Asia/Ho_Chi_Minh", "VND", [new FloorDefinition("G", "Ground", 0)], gates, slots, LotSettings.Default);
    }

    private static Tariff FreeTariff() => new("VND",
        [new VehicleClassRate(VehicleClass.Car, TimeSpan.FromHours(1), TimeSpan.FromHours(1), 10_000m, TimeSpan.FromHours(1), 10_000m)]);

    private static async Task<double> GrainDoubleBookingsAsync(string postgres, string serviceId)
    {
        // From the history: a slot entered again while its previous session had not exited.
        const string Sql = """
            WITH moves AS (
                SELECT grain_key, version, kind, payload->>'slotId' AS slot
                FROM event_log
                WHERE service_id = $1 AND grain_type = 'lot' AND kind IN ('VehicleEntered', 'VehicleExited', 'SessionForceClosed')),
            ordered AS (
                SELECT kind, lag(kind) OVER (PARTITION BY grain_key, slot ORDER BY version) AS previous FROM moves)
            SELECT count(*) FROM ordered WHERE kind = 'VehicleEntered' AND previous = 'VehicleEntered'
            """;
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Sql, connection) { Parameters = { new() { Value = serviceId } } };
        return Convert.ToDouble(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
