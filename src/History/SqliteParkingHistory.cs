using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Lots;
using static ParkingGrains.History.HistoryNames;

namespace ParkingGrains.History;

/// <summary>
/// Reports over the SQLite event log, same results as <see cref="PostgreSqlParkingHistory"/>. SQLite has no time
/// zones, so the range is cut (in C#) into spans of constant UTC offset, passed as JSON; the query joins each event to
/// its span and shifts occurred_at by that offset before strftime buckets it, so DST changes inside the range are exact.
/// Amounts are summed as integers of 1/10,000 (SQLite's JSON numbers are doubles): exact for single payments below
/// about 9·10^11 and totals below about 9·10^14 in the currency's unit.
/// </summary>
public sealed class SqliteParkingHistory : IParkingHistory
{
    private const long AmountScale = 10_000; // also spelled out in RevenueSql
    private const string LotEvents = "e.service_id = $service AND e.grain_type = '" + LotGrainType + "'";
    private const string LotFilter = "($lots IS NULL OR e.grain_key IN (SELECT value FROM json_each($lots)))";
    private const string Moves = "e.kind IN ('" + Entered + "', '" + Exited + "', '" + ForceClosed + "')";

    // Events of the range, each with the offset of its span (the span table is 1-3 rows for a month).
    private const string Spans =
        "z AS (SELECT json_extract(value, '$[0]') AS f, json_extract(value, '$[1]') AS t, json_extract(value, '$[2]') AS shift FROM json_each($spans))";

    private const string InRange = "z JOIN event_log e ON e.occurred_at >= z.f AND e.occurred_at < z.t";

    private const string ZonesSql =
        "SELECT e.grain_key, json_extract(e.payload, '$.layout.timeZoneId') FROM event_log e " +
        "WHERE " + LotEvents + " AND e.kind = '" + Configured + "' AND " + LotFilter + " ORDER BY e.grain_key, e.version";

    // The payload is parsed once per payment (a multi-path json_extract into a small array, materialised so SQLite
    // cannot inline it back into one parse per use); SQLite 3.35 has no JSON parse cache and parsing dominates.
    private const string RevenueSql =
        "WITH " + Spans + ", " +
        "p AS MATERIALIZED (" +
        " SELECT strftime($pattern, e.occurred_at, z.shift) AS bucket, e.grain_key AS lot, e.kind = '" + Refund + "' AS refund," +
        " json_extract(e.payload, '$.vehicleClass', '$.method', '$.amount.amount', '$.amount.currency', '$.overpaid') AS v" +
        " FROM " + InRange + " WHERE " + LotEvents + " AND e.kind IN ('" + Payment + "', '" + Refund + "') AND " + LotFilter + ") " +
        "SELECT bucket, CASE WHEN $byLot THEN lot END AS lot, " +
        "CASE WHEN $byClass THEN json_extract(v, '$[0]') END AS class, " +
        "CASE WHEN $byMethod THEN json_extract(v, '$[1]') END AS method, " +
        "json_extract(v, '$[3]') AS currency, " +
        "sum(CASE WHEN refund THEN -1 ELSE 1 END * CAST(round(json_extract(v, '$[2]') * 10000) AS INTEGER)) AS amount, sum(NOT refund) AS payments, " +
        // Payments recorded before overpayments were told apart have no overpaid field: 0.
        "sum(CASE WHEN refund THEN 0 ELSE CAST(round(coalesce(json_extract(v, '$[4]'), 0) * 10000) AS INTEGER) END) AS overpaid " +
        "FROM p WHERE ($class IS NULL OR json_extract(v, '$[0]') = $class) AND ($method IS NULL OR json_extract(v, '$[1]') = $method) " +
        "GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5";

    // Per bucket, besides the counts: the highest running sum of movements and the moment Σ±(t − from) in seconds,
    // which OccupancyLevels turns into the peak and the time-weighted average. Each movement is reduced to a kind code
    // k (1 entry, -1 exit, -2 force-close; so ties sort leaving before arriving) and its julianday t, which keeps the
    // rows the window sorts narrow: the sort is most of this query's cost.
    private const string OccupancySql =
        "WITH " + Spans + ", " +
        "b AS (SELECT value AS bucket FROM json_each($buckets)), " +
        "moves AS (" +
        " SELECT lot, class, bucket, sum(k = 1) AS entries, sum(k = -1) AS exits, sum(k = -2) AS forced," +
        " sum((CASE WHEN k > 0 THEN 1 ELSE -1 END) * (t - julianday($from))) * 86400.0 AS moment, max(running) AS top" +
        " FROM (SELECT lot, class, bucket, k, t," +
        "  sum(CASE WHEN k > 0 THEN 1 ELSE -1 END) OVER (PARTITION BY lot, class, bucket ORDER BY t, k ROWS UNBOUNDED PRECEDING) AS running" +
        "  FROM (SELECT e.grain_key AS lot, {class} AS class, strftime($pattern, e.occurred_at, z.shift) AS bucket, julianday(e.occurred_at) AS t," +
        "   CASE e.kind WHEN '" + Entered + "' THEN 1 WHEN '" + Exited + "' THEN -1 ELSE -2 END AS k" +
        "   FROM " + InRange + " WHERE " + LotEvents + " AND " + Moves + " AND " + LotFilter + "))" +
        " GROUP BY 1, 2, 3), " +
        "seed AS (" +
        " SELECT e.grain_key AS lot, {class} AS class, sum(CASE WHEN e.kind = '" + Entered + "' THEN 1 ELSE -1 END) AS inside" +
        " FROM event_log e WHERE " + LotEvents + " AND " + Moves + " AND e.occurred_at < $from AND " + LotFilter + " GROUP BY 1, 2), " +
        "series AS (SELECT lot, class FROM moves UNION SELECT lot, class FROM seed) " +
        "SELECT b.bucket, s.lot, s.class, coalesce(m.entries, 0), coalesce(m.exits, 0), coalesce(m.forced, 0), " +
        " coalesce(seed.inside, 0) + sum(coalesce(m.entries, 0) - coalesce(m.exits, 0) - coalesce(m.forced, 0))" +
        "  OVER (PARTITION BY s.lot, s.class ORDER BY b.bucket ROWS UNBOUNDED PRECEDING), " +
        " coalesce(m.moment, 0.0), m.top " +
        "FROM series s CROSS JOIN b " +
        "LEFT JOIN moves m ON m.lot = s.lot AND m.class = s.class AND m.bucket = b.bucket " +
        "LEFT JOIN seed ON seed.lot = s.lot AND seed.class = s.class " +
        "ORDER BY s.lot, s.class, b.bucket";

    // Stays are paired with their entries by grouping ends and entries on (lot, session id): one sort, where a join
    // on the JSON session id would have no index to use and rescan the entries for every stay.
    // Median: the middle one or two of each group.
    private const string StaysSql =
        "WITH " + Spans + ", " +
        "ends AS (" +
        " SELECT e.grain_key AS lot, json_extract(e.payload, '$.sessionId') AS session_id, e.kind, e.occurred_at AS ended, {class} AS class," +
        " strftime($pattern, e.occurred_at, z.shift) AS bucket" +
        " FROM " + InRange + " WHERE " + LotEvents + " AND e.kind IN ('" + Exited + "', '" + ForceClosed + "') AND " + LotFilter + "), " +
        "starts AS (" +
        " SELECT e.grain_key AS lot, json_extract(e.payload, '$.sessionId') AS session_id, e.occurred_at AS entered" +
        " FROM event_log e WHERE " + LotEvents + " AND e.kind = '" + Entered + "' AND e.occurred_at < $to AND " + LotFilter + "), " +
        "paired AS (" +
        " SELECT lot, max(bucket) AS bucket, max(class) AS class, max(kind) AS kind, max(ended) AS ended, max(entered) AS entered" +
        " FROM (SELECT lot, session_id, bucket, class, kind, ended, NULL AS entered FROM ends" +
        "  UNION ALL SELECT lot, session_id, NULL, NULL, NULL, NULL, entered FROM starts)" +
        " GROUP BY lot, session_id HAVING max(ended) IS NOT NULL AND max(entered) IS NOT NULL), " +
        "stays AS (" +
        " SELECT bucket, lot, class, kind, round((julianday(ended) - julianday(entered)) * 86400000.0) / 1000.0 AS seconds FROM paired), " +
        "ranked AS (" +
        " SELECT *, row_number() OVER (PARTITION BY bucket, lot, class ORDER BY seconds) AS rn, count(*) OVER (PARTITION BY bucket, lot, class) AS n FROM stays) " +
        "SELECT bucket, lot, class, count(*), sum(kind = '" + ForceClosed + "'), avg(seconds), avg(CASE WHEN rn IN ((n + 1) / 2, (n + 2) / 2) THEN seconds END) " +
        "FROM ranked GROUP BY 1, 2, 3 ORDER BY 1, 2, 3";

    private const string LotHistorySql =
        "SELECT e.version, e.kind, e.occurred_at, e.payload FROM event_log e " +
        "WHERE " + LotEvents + " AND e.grain_key = $lot AND e.stream = '" + LotStream + "' AND ($before IS NULL OR e.version < $before) " +
        "ORDER BY e.version DESC LIMIT $limit";

    private const string ByClass = "coalesce(json_extract(e.payload, '$.vehicleClass'), '')";
    private const string AllClasses = "''";

    private readonly string _connectionString;
    private readonly string _serviceId;
    private readonly TimeProvider _time;

    /// <param name="time">The present for occupancy levels: the bucket holding it is averaged up to it (default: the system clock).</param>
    public SqliteParkingHistory(string connectionString, string serviceId, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentException.ThrowIfNullOrEmpty(serviceId);

        // Pooled; WAL lets reports read while the event log commits. ReadWrite (not ReadOnly: a read-only connection
        // cannot create the WAL index) and never Create: a wrong path fails instead of making an empty database.
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, Mode = SqliteOpenMode.ReadWrite }.ToString();
        _serviceId = serviceId;
        _time = time ?? TimeProvider.System;
    }

    public async Task<IReadOnlyList<RevenueRow>> GetRevenueAsync(RevenueQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        HistoryTime.RequireRange(query.From, query.To);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var zone = await ZoneAsync(connection, query.TimeZoneId, query.LotIds, cancellationToken).ConfigureAwait(false);

        await using var command = connection.CreateCommand();
        command.CommandText = RevenueSql;
        AddRange(command, query.From, query.To, query.Bucket, zone, query.LotIds);
        command.Parameters.AddWithValue("$class", (object?)Json(query.VehicleClass) ?? DBNull.Value);
        command.Parameters.AddWithValue("$method", (object?)Json(query.Method) ?? DBNull.Value);
        command.Parameters.AddWithValue("$byLot", query.GroupBy.HasFlag(RevenueGrouping.Lot));
        command.Parameters.AddWithValue("$byClass", query.GroupBy.HasFlag(RevenueGrouping.VehicleClass));
        command.Parameters.AddWithValue("$byMethod", query.GroupBy.HasFlag(RevenueGrouping.PaymentMethod));

        var rows = new List<RevenueRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new RevenueRow(
                HistoryTime.ParseSqliteBucket(reader.GetString(0)),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                Parse<VehicleClass>(reader.IsDBNull(2) ? null : reader.GetString(2)),
                Parse<PaymentMethod>(reader.IsDBNull(3) ? null : reader.GetString(3)),
                reader.GetString(4),
                (decimal)reader.GetInt64(5) / AmountScale,
                reader.GetInt64(6),
                (decimal)reader.GetInt64(7) / AmountScale));
        }

        return rows;
    }

    public async Task<IReadOnlyList<OccupancyRow>> GetOccupancyAsync(OccupancyQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        HistoryTime.RequireRange(query.From, query.To);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var zone = await ZoneAsync(connection, query.TimeZoneId, query.LotIds, cancellationToken).ConfigureAwait(false);

        await using var command = connection.CreateCommand();
        command.CommandText = OccupancySql.Replace("{class}", query.ByVehicleClass ? ByClass : AllClasses, StringComparison.Ordinal);
        AddRange(command, query.From, query.To, query.Bucket, zone, query.LotIds);
        command.Parameters.AddWithValue("$from", HistoryTime.SqliteInstant(query.From));
        command.Parameters.AddWithValue("$buckets", JsonSerializer.Serialize(HistoryTime.LocalBuckets(zone, query.From, query.To, query.Bucket)));

        var levels = new OccupancyLevels(zone, query.From, query.To, query.Bucket, _time.GetUtcNow());
        var rows = new List<OccupancyRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new OccupancyRow(
                HistoryTime.ParseSqliteBucket(reader.GetString(0)),
                reader.GetString(1),
                Parse<VehicleClass>(reader.GetString(2)),
                reader.GetInt64(3),
                reader.GetInt64(4),
                reader.GetInt64(5),
                reader.GetInt64(6));
            rows.Add(levels.Complete(row, reader.GetDouble(7), reader.IsDBNull(8) ? null : reader.GetInt64(8)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<StayRow>> GetStaysAsync(StayQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        HistoryTime.RequireRange(query.From, query.To);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var zone = await ZoneAsync(connection, query.TimeZoneId, query.LotIds, cancellationToken).ConfigureAwait(false);

        await using var command = connection.CreateCommand();
        command.CommandText = StaysSql.Replace("{class}", query.ByVehicleClass ? ByClass : AllClasses, StringComparison.Ordinal);
        AddRange(command, query.From, query.To, query.Bucket, zone, query.LotIds);
        command.Parameters.AddWithValue("$to", HistoryTime.SqliteInstant(query.To));

        var rows = new List<StayRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new StayRow(
                HistoryTime.ParseSqliteBucket(reader.GetString(0)),
                reader.GetString(1),
                Parse<VehicleClass>(reader.GetString(2)),
                reader.GetInt64(3),
                reader.GetInt64(4),
                Seconds(reader.GetDouble(5)),
                Seconds(reader.GetDouble(6))));
        }

        return rows;
    }

    public async Task<HistoryPage> GetLotHistoryAsync(string lotId, long? beforeVersion = null, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(lotId);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        await using var command = connection.CreateCommand();
        command.CommandText = LotHistorySql;
        command.Parameters.AddWithValue("$service", _serviceId);
        command.Parameters.AddWithValue("$lot", lotId);
        command.Parameters.AddWithValue("$before", (object?)beforeVersion ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", pageSize + 1);

        var entries = new List<HistoryEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var kind = reader.GetString(1);
            var occurredAt = DateTimeOffset.ParseExact(
                reader.GetString(2), HistoryTime.SqliteInstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            entries.Add(new HistoryEntry(reader.GetInt64(0), kind, occurredAt, HistorySummary.Summarize(kind, reader.GetString(3))));
        }

        // One row more than asked says whether an older page exists.
        return entries.Count > pageSize ? new HistoryPage(entries[..pageSize], entries[pageSize - 1].Version) : new HistoryPage(entries, null);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<TimeZoneInfo> ZoneAsync(SqliteConnection connection, string? requested, IReadOnlyList<string>? lotIds, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(requested))
        {
            return HistoryTime.ResolveZone(requested, new Dictionary<string, string>());
        }

        await using var command = connection.CreateCommand();
        command.CommandText = ZonesSql;
        command.Parameters.AddWithValue("$service", _serviceId);
        command.Parameters.AddWithValue("$lots", Lots(lotIds));

        // Ordered by version, so the last configuration of each lot wins.
        var zones = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!reader.IsDBNull(1))
            {
                zones[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return HistoryTime.ResolveZone(null, zones);
    }

    private void AddRange(SqliteCommand command, DateTimeOffset from, DateTimeOffset to, HistoryBucket bucket, TimeZoneInfo zone, IReadOnlyList<string>? lotIds)
    {
        var spans = HistoryTime.OffsetSpans(zone, from, to).Select(s => new[] { s.Start, s.End, s.Shift });
        command.Parameters.AddWithValue("$service", _serviceId);
        command.Parameters.AddWithValue("$spans", JsonSerializer.Serialize(spans));
        command.Parameters.AddWithValue("$pattern", HistoryTime.SqliteBucketPattern(bucket));
        command.Parameters.AddWithValue("$lots", Lots(lotIds));
    }

    private static object Lots(IReadOnlyList<string>? lotIds) => lotIds is null ? DBNull.Value : JsonSerializer.Serialize(lotIds);

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));
}
