using Npgsql;

namespace ParkingGrains.Bench;

/// <summary>
/// The conventional design the grains are measured against: a slots table and a sessions table, one PostgreSQL
/// transaction per decision. Entry claims the nearest free slot with SELECT … FOR UPDATE SKIP LOCKED and inserts the
/// session; exit closes the session and frees its slot. One connection per lane, prepared statements.
/// </summary>
public sealed class SqlBaseline : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlConnection[] _connections;
    private readonly long?[] _sessions;
    private readonly int _lots;
    private readonly string _prefix;

    private SqlBaseline(NpgsqlDataSource dataSource, NpgsqlConnection[] connections, int lots, string prefix)
    {
        _dataSource = dataSource;
        _connections = connections;
        _sessions = new long?[connections.Length];
        _lots = lots;
        _prefix = prefix;
    }

    public static async Task<SqlBaseline> CreateAsync(string connectionString, int lots, int lanesPerLot, int slotsPerLot)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        var prefix = $"bl_{Guid.NewGuid():N}"[..11];
        await using (var setup = dataSource.CreateCommand($"""
            CREATE TABLE {prefix}_slots (lot int NOT NULL, slot int NOT NULL, distance int NOT NULL, session bigint NULL, PRIMARY KEY (lot, slot));
            CREATE INDEX ON {prefix}_slots (lot, distance) WHERE session IS NULL;
            CREATE TABLE {prefix}_sessions (id bigserial PRIMARY KEY, lot int NOT NULL, slot int NOT NULL, plate text NOT NULL,
                entered_at timestamptz NOT NULL DEFAULT clock_timestamp(), exited_at timestamptz NULL);
            INSERT INTO {prefix}_slots SELECT l, s, (s * 7) % 500, NULL FROM generate_series(0, {lots - 1}) l, generate_series(0, {slotsPerLot - 1}) s;
            """))
        {
            await setup.ExecuteNonQueryAsync();
        }

        var connections = new NpgsqlConnection[lots * lanesPerLot];
        for (var i = 0; i < connections.Length; i++)
        {
            connections[i] = await dataSource.OpenConnectionAsync();
        }

        return new SqlBaseline(dataSource, connections, lots, prefix);
    }

    public async ValueTask DecisionAsync(int lane, long i)
    {
        var connection = _connections[lane];
        await using var transaction = await connection.BeginTransactionAsync();
        if (_sessions[lane] is not { } session)
        {
            await using var entry = new NpgsqlCommand($"""
                WITH slot AS (SELECT lot, slot FROM {_prefix}_slots WHERE lot = $1 AND session IS NULL ORDER BY distance LIMIT 1 FOR UPDATE SKIP LOCKED),
                     created AS (INSERT INTO {_prefix}_sessions (lot, slot, plate) SELECT lot, slot, $2 FROM slot RETURNING id, lot, slot)
                UPDATE {_prefix}_slots s SET session = c.id FROM created c WHERE s.lot = c.lot AND s.slot = c.slot RETURNING c.id
                """, connection, transaction);
            entry.Parameters.AddWithValue(lane % _lots);
            entry.Parameters.AddWithValue($"L{lane}-{i}");
            _sessions[lane] = (long?)await entry.ExecuteScalarAsync() ?? throw new InvalidOperationException("The baseline lot is full.");
        }
        else
        {
            await using var exit = new NpgsqlCommand($"""
                WITH closed AS (UPDATE {_prefix}_sessions SET exited_at = clock_timestamp() WHERE id = $1 RETURNING lot, slot)
                UPDATE {_prefix}_slots s SET session = NULL FROM closed c WHERE s.lot = c.lot AND s.slot = c.slot
                """, connection, transaction);
            exit.Parameters.AddWithValue(session);
            await exit.ExecuteNonQueryAsync();
            _sessions[lane] = null;
        }

        await transaction.CommitAsync();
    }

    /// <summary>Sessions whose stay on a slot overlaps an earlier session's stay on the same slot.</summary>
    public async Task<double> DoubleBookingsAsync()
    {
        await using var command = _dataSource.CreateCommand($"""
            SELECT count(*) FROM (
                SELECT entered_at, lag(coalesce(exited_at, 'infinity')) OVER (PARTITION BY lot, slot ORDER BY entered_at, id) AS previous_exit
                FROM {_prefix}_sessions) s
            WHERE previous_exit > entered_at
            """);
        return Convert.ToDouble(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        await using (var drop = _dataSource.CreateCommand($"DROP TABLE {_prefix}_slots; DROP TABLE {_prefix}_sessions;"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await _dataSource.DisposeAsync();
    }
}
