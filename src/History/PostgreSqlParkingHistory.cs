using Npgsql;
using NpgsqlTypes;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Lots;
using static ParkingGrains.History.HistoryNames;

namespace ParkingGrains.History;

/// <summary>
/// Reports over the PostgreSQL event log. Each report is one statement that filters on the report index
/// (service_id, grain_type, kind, occurred_at), buckets with date_trunc on <c>occurred_at AT TIME ZONE zone</c> (so
/// DST is PostgreSQL's own tz database) and aggregates in the server; only the result rows travel.
/// </summary>
public sealed class PostgreSqlParkingHistory : IParkingHistory, IAsyncDisposable
{
    private const string LotEvents = "service_id = $1 AND grain_type = '" + LotGrainType + "'";
    private const string LotFilter = "($6::text[] IS NULL OR grain_key = ANY($6))";
    private const string Moves = "kind IN ('" + Entered + "', '" + Exited + "', '" + ForceClosed + "')";

    private const string ZonesSql =
        "SELECT DISTINCT ON (grain_key) grain_key, payload->'layout'->>'timeZoneId' FROM event_log " +
        "WHERE " + LotEvents + " AND kind = '" + Configured + "' AND ($2::text[] IS NULL OR grain_key = ANY($2)) " +
        "ORDER BY grain_key, version DESC";

    // $1 service, $2 from, $3 to, $4 unit, $5 zone, $6 lots, $7 class, $8 method, $9..$11 group by lot/class/method.
    private const string RevenueSql =
        "SELECT date_trunc($4, occurred_at AT TIME ZONE $5) AS bucket, " +
        "CASE WHEN $9 THEN grain_key END AS lot, " +
        "CASE WHEN $10 THEN payload->>'vehicleClass' END AS class, " +
        "CASE WHEN $11 THEN payload->>'method' END AS method, " +
        "payload->'amount'->>'currency' AS currency, " +
        "sum(CASE WHEN kind = '" + Refund + "' THEN -1 ELSE 1 END * (payload->'amount'->>'amount')::numeric) AS amount, " +
        "count(*) FILTER (WHERE kind = '" + Payment + "') AS payments, " +
        // Payments recorded before overpayments were told apart have no overpaid field: 0.
        "coalesce(sum((payload->>'overpaid')::numeric) FILTER (WHERE kind = '" + Payment + "'), 0) AS overpaid " +
        "FROM event_log WHERE " + LotEvents + " AND kind IN ('" + Payment + "', '" + Refund + "') AND occurred_at >= $2 AND occurred_at < $3 AND " + LotFilter +
        " AND ($7::text IS NULL OR payload->>'vehicleClass' = $7) AND ($8::text IS NULL OR payload->>'method' = $8) " +
        "GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5";

    // $1 service, $2 from, $3 to, $4 unit, $5 zone, $6 lots, $7 step. Without the class split, movements are counted
    // from the index alone (grain_key is included); the seed is everything before the range. Every (lot, class,
    // bucket) gets a zero row that the movements are added to by grouping, not joining, so no planner estimate (stale
    // right after a bulk load) can turn it into a nested loop. Per bucket, besides the counts: the highest running sum
    // of movements (ties: leaving before arriving) and the moment Σ±(t − from) in seconds, which OccupancyLevels turns
    // into the peak and the time-weighted average.
    private const string OccupancySql =
        "WITH ev AS (" +
        " SELECT grain_key AS lot, {class} AS class, date_trunc($4, occurred_at AT TIME ZONE $5) AS bucket, kind, occurred_at," +
        " CASE WHEN kind = '" + Entered + "' THEN 1 ELSE -1 END AS d" +
        " FROM event_log WHERE " + LotEvents + " AND " + Moves + " AND occurred_at >= $2 AND occurred_at < $3 AND " + LotFilter + "), " +
        "moves AS (" +
        " SELECT lot, class, bucket," +
        " count(*) FILTER (WHERE kind = '" + Entered + "') AS entries," +
        " count(*) FILTER (WHERE kind = '" + Exited + "') AS exits," +
        " count(*) FILTER (WHERE kind = '" + ForceClosed + "') AS forced," +
        " sum(d * extract(epoch FROM occurred_at - $2))::float8 AS moment, max(running) AS top" +
        " FROM (SELECT ev.*, sum(d) OVER (PARTITION BY lot, class, bucket ORDER BY occurred_at, d ROWS UNBOUNDED PRECEDING) AS running FROM ev) AS r" +
        " GROUP BY 1, 2, 3), " +
        "seed AS (" +
        " SELECT grain_key AS lot, {class} AS class, sum(CASE WHEN kind = '" + Entered + "' THEN 1 ELSE -1 END) AS inside" +
        " FROM event_log WHERE " + LotEvents + " AND " + Moves + " AND occurred_at < $2 AND " + LotFilter +
        " GROUP BY 1, 2), " +
        "series AS (SELECT lot, class FROM moves UNION SELECT lot, class FROM seed), " +
        "buckets AS (SELECT generate_series(date_trunc($4, $2 AT TIME ZONE $5), date_trunc($4, ($3 AT TIME ZONE $5) - interval '1 microsecond'), $7::interval) AS bucket), " +
        "grid AS (" +
        " SELECT lot, class, bucket, sum(entries) AS entries, sum(exits) AS exits, sum(forced) AS forced, sum(moment) AS moment, max(top) AS top FROM (" +
        "  SELECT s.lot, s.class, b.bucket, 0 AS entries, 0 AS exits, 0 AS forced, 0::float8 AS moment, NULL::bigint AS top FROM series s CROSS JOIN buckets b" +
        "  UNION ALL SELECT lot, class, bucket, entries, exits, forced, moment, top FROM moves) AS g" +
        " GROUP BY 1, 2, 3) " +
        "SELECT g.bucket, g.lot, g.class, g.entries::bigint, g.exits::bigint, g.forced::bigint, " +
        " (coalesce(seed.inside, 0) + sum(g.entries - g.exits - g.forced) OVER (PARTITION BY g.lot, g.class ORDER BY g.bucket))::bigint, " +
        " g.moment, g.top " +
        "FROM grid g LEFT JOIN seed ON seed.lot = g.lot AND seed.class = g.class " +
        "ORDER BY g.lot, g.class, g.bucket";

    // $1 service, $2 from, $3 to, $4 unit, $5 zone, $6 lots. A stay ends in the range; it is paired with its entry by
    // grouping on (lot, session id) rather than joining on the JSON session id: one sort or hash, whatever the estimates.
    private const string StaysSql =
        "WITH moves AS (" +
        " SELECT grain_key AS lot, payload->>'sessionId' AS session_id, kind, occurred_at, {class} AS class" +
        " FROM event_log WHERE " + LotEvents + " AND kind IN ('" + Exited + "', '" + ForceClosed + "') AND occurred_at >= $2 AND occurred_at < $3 AND " + LotFilter +
        " UNION ALL" +
        " SELECT grain_key, payload->>'sessionId', kind, occurred_at, NULL" +
        " FROM event_log WHERE " + LotEvents + " AND kind = '" + Entered + "' AND occurred_at < $3 AND " + LotFilter + "), " +
        "paired AS (" +
        " SELECT lot, max(class) AS class, bool_or(kind = '" + ForceClosed + "') AS forced," +
        " max(occurred_at) FILTER (WHERE kind <> '" + Entered + "') AS ended, max(occurred_at) FILTER (WHERE kind = '" + Entered + "') AS entered" +
        " FROM moves GROUP BY lot, session_id), " +
        "stays AS (" +
        " SELECT lot, class, forced, date_trunc($4, ended AT TIME ZONE $5) AS bucket, extract(epoch FROM ended - entered)::float8 AS seconds" +
        " FROM paired WHERE ended IS NOT NULL AND entered IS NOT NULL) " +
        "SELECT bucket, lot, class, count(*), count(*) FILTER (WHERE forced), avg(seconds), " +
        " percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) " +
        "FROM stays GROUP BY 1, 2, 3 ORDER BY 1, 2, 3";

    private const string LotHistorySql =
        "SELECT version, kind, occurred_at, payload::text FROM event_log " +
        "WHERE " + LotEvents + " AND grain_key = $2 AND stream = '" + LotStream + "' AND ($3::bigint IS NULL OR version < $3) " +
        "ORDER BY version DESC LIMIT $4";

    private const string ByClass = "coalesce(payload->>'vehicleClass', '')";
    private const string AllClasses = "''";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;
    private readonly TimeProvider _time;

    /// <param name="time">The present for occupancy levels: the bucket holding it is averaged up to it (default: the system clock).</param>
    public PostgreSqlParkingHistory(string connectionString, string serviceId, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentException.ThrowIfNullOrEmpty(serviceId);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _serviceId = serviceId;
        _time = time ?? TimeProvider.System;
    }

    public async Task<IReadOnlyList<RevenueRow>> GetRevenueAsync(RevenueQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        HistoryTime.RequireRange(query.From, query.To);
        var zone = await ZoneAsync(query.TimeZoneId, query.LotIds, cancellationToken).ConfigureAwait(false);

        await using var command = _dataSource.CreateCommand(RevenueSql);
        AddRange(command, query.From, query.To, query.Bucket, zone, query.LotIds);
        command.Parameters.Add(Text(Json(query.VehicleClass)));
        command.Parameters.Add(Text(Json(query.Method)));
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = query.GroupBy.HasFlag(RevenueGrouping.Lot) });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = query.GroupBy.HasFlag(RevenueGrouping.VehicleClass) });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = query.GroupBy.HasFlag(RevenueGrouping.PaymentMethod) });

        var rows = new List<RevenueRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new RevenueRow(
                reader.GetDateTime(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                Parse<VehicleClass>(reader.IsDBNull(2) ? null : reader.GetString(2)),
                Parse<PaymentMethod>(reader.IsDBNull(3) ? null : reader.GetString(3)),
                reader.GetString(4),
                reader.GetDecimal(5),
                reader.GetInt64(6),
                reader.GetDecimal(7)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<OccupancyRow>> GetOccupancyAsync(OccupancyQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        HistoryTime.RequireRange(query.From, query.To);
        var zone = await ZoneAsync(query.TimeZoneId, query.LotIds, cancellationToken).ConfigureAwait(false);

        await using var command = _dataSource.CreateCommand(OccupancySql.Replace("{class}", query.ByVehicleClass ? ByClass : AllClasses, StringComparison.Ordinal));
        AddRange(command, query.From, query.To, query.Bucket, zone, query.LotIds);
        command.Parameters.Add(Text(query.Bucket == HistoryBucket.Day ? "1 day" : "1 hour"));

        var levels = new OccupancyLevels(zone, query.From, query.To, query.Bucket, _time.GetUtcNow());
        var rows = new List<OccupancyRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new OccupancyRow(
                reader.GetDateTime(0),
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
        var zone = await ZoneAsync(query.TimeZoneId, query.LotIds, cancellationToken).ConfigureAwait(false);

        await using var command = _dataSource.CreateCommand(StaysSql.Replace("{class}", query.ByVehicleClass ? ByClass : AllClasses, StringComparison.Ordinal));
        AddRange(command, query.From, query.To, query.Bucket, zone, query.LotIds);

        var rows = new List<StayRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new StayRow(
                reader.GetDateTime(0),
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

        await using var command = _dataSource.CreateCommand(LotHistorySql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = lotId });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)beforeVersion ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pageSize + 1 });

        var entries = new List<HistoryEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var kind = reader.GetString(1);
            entries.Add(new HistoryEntry(reader.GetInt64(0), kind, reader.GetFieldValue<DateTimeOffset>(2), HistorySummary.Summarize(kind, reader.GetString(3))));
        }

        // One row more than asked says whether an older page exists.
        return entries.Count > pageSize ? new HistoryPage(entries[..pageSize], entries[pageSize - 1].Version) : new HistoryPage(entries, null);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task<TimeZoneInfo> ZoneAsync(string? requested, IReadOnlyList<string>? lotIds, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(requested))
        {
            return HistoryTime.ResolveZone(requested, new Dictionary<string, string>());
        }

        await using var command = _dataSource.CreateCommand(ZonesSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _serviceId });
        command.Parameters.Add(Lots(lotIds));
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

    // $1 service, $2 from, $3 to, $4 date_trunc unit, $5 IANA zone, $6 lots.
    private void AddRange(NpgsqlCommand command, DateTimeOffset from, DateTimeOffset to, HistoryBucket bucket, TimeZoneInfo zone, IReadOnlyList<string>? lotIds)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _serviceId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = from.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = to.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = HistoryTime.PostgreSqlUnit(bucket) });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = HistoryTime.IanaId(zone) });
        command.Parameters.Add(Lots(lotIds));
    }

    private static NpgsqlParameter Lots(IReadOnlyList<string>? lotIds) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = lotIds is null ? DBNull.Value : lotIds.ToArray() };

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));
}
