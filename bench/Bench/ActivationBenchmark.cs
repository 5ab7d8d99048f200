using System.Diagnostics;
using Npgsql;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.Bench;

/// <summary>
/// How fast a lot with a long history activates. One lot takes <c>events</c> real decisions (entries and exits through
/// the grain, so the snapshots are the ones the lot wrote while working); then the silo is replaced and the first call
/// times the activation: the latest snapshot plus the events after it, plus the recent history the lot re-reads for its
/// idempotency memory. Side by side: the same lot with its snapshot deleted, i.e. a replay of the whole stream.
/// </summary>
public static class ActivationBenchmark
{
    private const int Lanes = 32;

    public static async Task<Dictionary<string, double>> RunAsync(string postgres, int events)
    {
        var serviceId = $"act-{Guid.NewGuid():N}"[..16];
        var lotId = CheckinBenchmark.LotId(0);
        var written = Stopwatch.StartNew();
        long version;
        await using (var silo = await BenchSilo.StartAsync(postgres, serviceId))
        {
            var configured = await silo.Grains.GetGrain<ILotGrain>(lotId).Configure(CheckinBenchmark.Layout(0), CheckinBenchmark.FreeTariff());
            if (!configured.Applied)
            {
                throw new InvalidOperationException(string.Join("; ", configured.Problems));
            }

            var pairs = events / 2 / Lanes;
            await Task.WhenAll(Enumerable.Range(0, Lanes).Select(lane => Task.Run(async () =>
            {
                var lot = silo.Grains.GetGrain<ILotGrain>(lotId);
                for (var n = 0; n < pairs; n++)
                {
                    var now = DateTimeOffset.UtcNow;
                    var entry = await lot.Enter(new EntryCommand($"a{lane}-{n}", $"{lotId}-in{lane % 16}", $"A{lane}-{n}", null, VehicleClass.Car, now));
                    var exit = await lot.Exit(new ExitCommand($"x{lane}-{n}", $"{lotId}-out{lane % 16}", null, null, entry.Ticket, now));
                    if (!entry.Allowed || !exit.Open)
                    {
                        throw new InvalidOperationException($"lane {lane}: {entry.ReasonText} {exit.ReasonText}");
                    }

                    if (lane == 0 && n % 20_000 == 0)
                    {
                        Console.WriteLine($"  {(n + 1) * 2 * Lanes:N0} events written ({written.Elapsed.TotalSeconds:0} s)");
                    }
                }
            })));
            version = (await silo.Grains.GetGrain<ILotGrain>(lotId).GetStatus()).Version;
        }

        written.Stop();
        Console.WriteLine($"{version:N0} events in the lot's stream, written in {written.Elapsed.TotalSeconds:0} s");
        var withSnapshot = await TimeActivationAsync(postgres, serviceId, lotId, version);

        // The same stream without its snapshot: the whole history is replayed.
        await using (var connection = new NpgsqlConnection(postgres))
        {
            await connection.OpenAsync();
            await using var delete = new NpgsqlCommand("DELETE FROM OrleansStorage WHERE ServiceId = $1 AND GrainTypeString LIKE '%snapshot%'", connection);
            delete.Parameters.Add(new NpgsqlParameter { Value = serviceId });
            Console.WriteLine($"deleted {await delete.ExecuteNonQueryAsync()} snapshot row(s)");
        }

        var replay = await TimeActivationAsync(postgres, serviceId, lotId, version);
        return new Dictionary<string, double>
        {
            ["events"] = version,
            ["activation_with_snapshot_ms"] = withSnapshot.TotalMilliseconds,
            ["activation_full_replay_ms"] = replay.TotalMilliseconds,
            ["ratio"] = Math.Round(replay / withSnapshot, 2),
            ["write_seconds"] = Math.Round(written.Elapsed.TotalSeconds, 1),
            ["peak_rss_mb"] = ProcessMemory.PeakMegabytes(),
        };
    }

    // A fresh silo (nothing activated, nothing cached): the first call activates the lot.
    private static async Task<TimeSpan> TimeActivationAsync(string postgres, string serviceId, string lotId, long expectedVersion)
    {
        await using var silo = await BenchSilo.StartAsync(postgres, serviceId);
        await silo.Grains.GetGrain<ILotGrain>("warm-up").GetStatus(); // JIT and the storage's first connections, not the lot's
        var watch = Stopwatch.StartNew();
        var status = await silo.Grains.GetGrain<ILotGrain>(lotId).GetStatus();
        watch.Stop();
        if (status.Version != expectedVersion)
        {
            throw new InvalidOperationException($"activated at version {status.Version}, expected {expectedVersion}");
        }

        Console.WriteLine($"  activation at version {status.Version:N0}: {watch.Elapsed.TotalMilliseconds:N0} ms");
        return watch.Elapsed;
    }
}
