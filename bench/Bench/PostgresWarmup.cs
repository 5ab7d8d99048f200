using Npgsql;

namespace ParkingGrains.Bench;

/// <summary>Brings a freshly created PostgreSQL cluster to the state of one that has been running.</summary>
public static class PostgresWarmup
{
    /// <summary>
    /// Writes and drops about <paramref name="megabytes"/> MB of table data, then checkpoints, so the WAL segments
    /// it used are recycled. A long-running server reuses its segments; a new cluster would otherwise create and
    /// zero-fill a 16 MB segment inside some commit every few seconds, and the benchmark would measure that.
    /// </summary>
    public static async Task RecycleWalAsync(string connectionString, int megabytes)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var before = await WalFilesAsync(dataSource);
        await using (var fill = dataSource.CreateCommand($"""
            CREATE TABLE bench_wal_warmup (id int, filler text);
            INSERT INTO bench_wal_warmup SELECT g, repeat(md5(g::text), 30) FROM generate_series(1, {megabytes * 1024}) g;
            DROP TABLE bench_wal_warmup;
            CHECKPOINT;
            """))
        {
            fill.CommandTimeout = 600;
            await fill.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"PostgreSQL WAL warmed: {before} → {await WalFilesAsync(dataSource)} segment files ready for reuse");
    }

    private static async Task<long> WalFilesAsync(NpgsqlDataSource dataSource)
    {
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM pg_ls_waldir()");
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
