using System.Globalization;
using Npgsql;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.Bench;

/// <summary>
/// ./bench.sh checkin: vehicles (entry then exit) through G gates over L lots, against one Orleans silo (in this
/// process, PostgreSQL grain storage, event log and reminders, fsync on), side by side with a conventional design
/// written here: one PostgreSQL transaction per decision, SELECT … FOR UPDATE SKIP LOCKED on a slots table plus the
/// session row. Both are warmed up, then measured in alternating rounds; both are audited for double bookings in SQL
/// afterwards.
/// </summary>
public static class CheckinBenchmark
{
    internal const int Lots = 4;
    internal const int LanesPerLot = 16;
    internal const int SlotsPerLot = 300;

    /// <summary>Measured rounds per design, alternated (grains, SQL, grains, SQL, …); the median round of each is compared.</summary>
    internal const int Rounds = 3;

    public static async Task<Dictionary<string, double>> RunAsync(string postgres, TimeSpan duration)
    {
        var lanes = Lots * LanesPerLot;
        var warmup = TimeSpan.FromSeconds(3);

        // The baseline's memory is its client alone, measured before the silo starts in this process.
        ProcessMemory.ResetPeak();
        await using var baseline = await SqlBaseline.CreateAsync(postgres, Lots, LanesPerLot, SlotsPerLot);
        await LoadRunner.RunAsync(lanes, warmup, baseline.DecisionAsync, warmup: TimeSpan.Zero);
        var baselineRss = ProcessMemory.PeakMegabytes();

        var serviceId = $"checkin-{Guid.NewGuid():N}"[..20];
        ProcessMemory.ResetPeak();
        var silo = await BenchSilo.StartAsync(postgres, serviceId);
        var grains = silo.Grains;
        for (var l = 0; l < Lots; l++)
        {
            var result = await grains.GetGrain<ILotGrain>(LotId(l)).Configure(Layout(l), FreeTariff());
            if (!result.Applied)
            {
                throw new InvalidOperationException(string.Join("; ", result.Problems));
            }
        }

        // Every operation is one decision: a lane alternates an entry and the exit of the vehicle it let in.
        var run = Guid.NewGuid().ToString("N")[..6];
        var tickets = new string?[lanes];
        long commandNumber = 0;

        // Each lane holds its two gates' references, as a gate agent holds its own.
        var entryGates = Enumerable.Range(0, lanes).Select(lane => grains.GetGrain<IGateGrain>(EntryGateId(lane))).ToArray();
        var exitGates = Enumerable.Range(0, lanes).Select(lane => grains.GetGrain<IGateGrain>(ExitGateId(lane))).ToArray();
        ValueTask GrainDecision(int lane, long i) => GrainDecisionAsync(entryGates[lane], exitGates[lane], tickets, lane, $"{run}-{Interlocked.Increment(ref commandNumber)}");
        await LoadRunner.RunAsync(lanes, warmup, GrainDecision, warmup: TimeSpan.Zero);

        // The host's CPU is shared and its steal time comes and goes: rounds alternate so both designs see the same
        // machine, and the median round of each design is compared.
        var grainRounds = new List<LoadResult>();
        var baselineRounds = new List<LoadResult>();
        for (var round = 0; round < Rounds; round++)
        {
            grainRounds.Add(await LoadRunner.RunAsync(lanes, duration, GrainDecision));
            baselineRounds.Add(await LoadRunner.RunAsync(lanes, duration, baseline.DecisionAsync));
            Console.WriteLine($"round {round + 1}: grains {grainRounds[^1].PerSecond / 2:N0}, SQL {baselineRounds[^1].PerSecond / 2:N0} vehicles/s (ratio {grainRounds[^1].PerSecond / baselineRounds[^1].PerSecond:0.00})");
        }

        var grainPeak = Median(grainRounds);
        var baselinePeak = Median(baselineRounds);
        var grainHalf = await LoadRunner.RunAsync(lanes, duration, GrainDecision, pacing: TimeSpan.FromSeconds(lanes / (grainPeak.PerSecond / 2)));
        var baselineHalf = await LoadRunner.RunAsync(lanes, duration, baseline.DecisionAsync, pacing: TimeSpan.FromSeconds(lanes / (baselinePeak.PerSecond / 2)));
        var grainRss = ProcessMemory.PeakMegabytes();
        await silo.DisposeAsync();
        var grainDoubleBookings = await GrainDoubleBookingsAsync(postgres, serviceId);

        return new Dictionary<string, double>
        {
            ["grain_vehicles_per_s"] = Math.Round(grainPeak.PerSecond / 2),
            ["baseline_vehicles_per_s"] = Math.Round(baselinePeak.PerSecond / 2),
            ["ratio"] = Math.Round(grainPeak.PerSecond / baselinePeak.PerSecond, 3),
            ["rounds"] = Rounds,
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
            ["double_bookings_grain"] = grainDoubleBookings,
            ["double_bookings_baseline"] = await baseline.DoubleBookingsAsync(),
            ["lots"] = Lots,
            ["gates"] = lanes * 2,
            ["slots_per_lot"] = SlotsPerLot,
            ["grain_peak_rss_mb"] = grainRss,
            ["baseline_peak_rss_mb"] = baselineRss,
        };
    }

    private static LoadResult Median(List<LoadResult> rounds) => rounds.OrderBy(r => r.PerSecond).ElementAt(rounds.Count / 2);

    internal static string LotId(int lot) => $"bench-lot-{lot}";

    /// <summary>
    /// A plate the lot accepts (at most 12 letters and digits): the lane and the number that ends the command's id. A
    /// lane lets one vehicle in at a time, so no plate is inside twice.
    /// </summary>
    internal static string PlateOf(int lane, string eventId) =>
        $"L{lane:00}-{long.Parse(eventId[(eventId.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture) % 1_000_000:000000}";

    private static string EntryGateId(int lane) => $"{LotId(lane % Lots)}-in{lane / Lots}";

    private static string ExitGateId(int lane) => $"{LotId(lane % Lots)}-out{lane / Lots}";

    private static async ValueTask GrainDecisionAsync(IGateGrain entryGate, IGateGrain exitGate, string?[] tickets, int lane, string eventId)
    {
        var now = DateTimeOffset.UtcNow;
        if (tickets[lane] is not { } ticket)
        {
            var entry = await entryGate.Enter(new EntryCommand(eventId, EntryGateId(lane), PlateOf(lane, eventId), null, VehicleClass.Car, now));
            tickets[lane] = entry.Allowed ? entry.Ticket : throw new InvalidOperationException($"Entry refused: {entry.ReasonText}");
            return;
        }

        var exit = await exitGate.Exit(new ExitCommand(eventId, ExitGateId(lane), null, null, ticket, now));
        tickets[lane] = exit.Open ? null : throw new InvalidOperationException($"Exit refused: {exit.ReasonText}");
    }

    internal static LotLayout Layout(int lot)
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

    internal static Tariff FreeTariff() => new("VND",
        [new VehicleClassRate(VehicleClass.Car, TimeSpan.FromHours(1), TimeSpan.FromHours(1), 10_000m, TimeSpan.FromHours(1), 10_000m)]);

    internal static async Task<double> GrainDoubleBookingsAsync(string postgres, string serviceId)
    {
        // From the history: a slot entered again while its previous session had not exited. Every lot stream of this
        // run's service id is audited; a run whose history holds no entries with a slot is an error, not a zero.
        const string Sql = """
            WITH moves AS (
                SELECT grain_type, grain_key, version, kind, payload->>'slotId' AS slot
                FROM event_log
                WHERE service_id = $1 AND kind IN ('VehicleEntered', 'VehicleExited', 'SessionForceClosed')),
            ordered AS (
                SELECT kind, slot, lag(kind) OVER (PARTITION BY grain_type, grain_key, slot ORDER BY version) AS previous FROM moves)
            SELECT count(*) FILTER (WHERE kind = 'VehicleEntered' AND previous = 'VehicleEntered'),
                   count(*) FILTER (WHERE kind = 'VehicleEntered' AND slot IS NOT NULL)
            FROM ordered
            """;
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Sql, connection) { Parameters = { new() { Value = serviceId } } };
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var doubleBookings = reader.GetInt64(0);
        var entries = reader.GetInt64(1);
        if (entries == 0)
        {
            throw new InvalidOperationException($"The event log holds no VehicleEntered rows with a slotId for service '{serviceId}': the audit would see nothing.");
        }

        Console.WriteLine($"audited {entries:N0} recorded entries for double bookings");
        return doubleBookings;
    }
}
