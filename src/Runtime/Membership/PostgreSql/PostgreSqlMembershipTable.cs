using Npgsql;
using NpgsqlTypes;

namespace ParkingGrains.Runtime.Membership;

/// <summary>
/// The Orleans ADO.NET clustering design on PostgreSQL: a version row per cluster and a row per silo. Every
/// mutation updates the version row conditioned on its ETag and the silo row (conditioned on its ETag, or inserted
/// only if absent) in one transaction; if either statement touches no row the transaction rolls back and the call
/// returns false.
/// </summary>
public sealed class PostgreSqlMembershipTable : IMembershipTable, IAsyncDisposable, IDisposable
{
    private const string SchemaResourceSuffix = ".Membership.PostgreSql.Migrations.0001_membership.sql";

    // Serialises schema creation across processes; any stable constant works, it only has to be ours.
    private const long SchemaLockKey = 0x5047_4D45_4D42_0001; // "PGMEMB" 1

    private const string SelectColumns =
        "s.silo_address, s.status, s.gateway_port, s.silo_name, s.host_name, s.start_time, s.i_am_alive_time, s.suspect_times, s.etag";

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;

    public PostgreSqlMembershipTable(string connectionString, string clusterId)
        : this(NpgsqlDataSource.Create(connectionString), clusterId, ownsDataSource: true)
    {
    }

    public PostgreSqlMembershipTable(NpgsqlDataSource dataSource, string clusterId)
        : this(dataSource, clusterId, ownsDataSource: false)
    {
    }

    private PostgreSqlMembershipTable(NpgsqlDataSource dataSource, string clusterId, bool ownsDataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        ClusterId = clusterId;
    }

    public string ClusterId { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, tx))
        {
            command.Parameters.AddWithValue("key", SchemaLockKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var command = new NpgsqlCommand(LoadSchema(), connection, tx))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var command = new NpgsqlCommand(
            "INSERT INTO parkinggrains_membership_version (cluster_id, version, etag) VALUES (@cluster, 0, @etag) ON CONFLICT (cluster_id) DO NOTHING",
            connection,
            tx))
        {
            command.Parameters.AddWithValue("cluster", ClusterId);
            command.Parameters.AddWithValue("etag", NewETag());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    public async Task<MembershipTableData> ReadAllAsync()
    {
        // One statement, one snapshot: the version and the rows are always consistent with each other.
        await using var command = _dataSource.CreateCommand(
            $"SELECT v.version, v.etag, {SelectColumns} FROM parkinggrains_membership_version v "
            + "LEFT JOIN parkinggrains_membership_silos s ON s.cluster_id = v.cluster_id WHERE v.cluster_id = @cluster");
        command.Parameters.AddWithValue("cluster", ClusterId);
        await using var reader = await command.ExecuteReaderAsync();
        var version = new TableVersion(0, "");
        var rows = new List<MembershipRow>();
        while (await reader.ReadAsync())
        {
            version = new TableVersion(reader.GetInt32(0), reader.GetString(1));
            if (!reader.IsDBNull(2))
            {
                rows.Add(ReadRow(reader, 2));
            }
        }

        rows.Sort((a, b) => a.Entry.SiloAddress.CompareTo(b.Entry.SiloAddress));
        return new MembershipTableData(rows, version);
    }

    public async Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(version);
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        if (!await TryBumpVersionAsync(connection, tx, version))
        {
            return false;
        }

        await using var command = new NpgsqlCommand(
            "INSERT INTO parkinggrains_membership_silos (cluster_id, silo_address, status, gateway_port, silo_name, host_name, "
            + "start_time, i_am_alive_time, suspect_times, etag) VALUES (@cluster, @silo, @status, @gateway, @name, @host, "
            + "@start, @alive, @suspects, @etag) ON CONFLICT (cluster_id, silo_address) DO NOTHING",
            connection,
            tx);
        AddEntryParameters(command, entry);
        command.Parameters.AddWithValue("etag", NewETag());
        if (await command.ExecuteNonQueryAsync() != 1)
        {
            return false;
        }

        await tx.CommitAsync();
        return true;
    }

    public async Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(version);
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        if (!await TryBumpVersionAsync(connection, tx, version))
        {
            return false;
        }

        await using var command = new NpgsqlCommand(
            "UPDATE parkinggrains_membership_silos SET status = @status, gateway_port = @gateway, silo_name = @name, "
            + "host_name = @host, start_time = @start, i_am_alive_time = @alive, suspect_times = @suspects, etag = @etag "
            + "WHERE cluster_id = @cluster AND silo_address = @silo AND etag = @expected",
            connection,
            tx);
        AddEntryParameters(command, entry);
        command.Parameters.AddWithValue("etag", NewETag());
        command.Parameters.AddWithValue("expected", etag ?? "");
        if (await command.ExecuteNonQueryAsync() != 1)
        {
            return false;
        }

        await tx.CommitAsync();
        return true;
    }

    public async Task UpdateIAmAliveAsync(MembershipEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var command = _dataSource.CreateCommand(
            "UPDATE parkinggrains_membership_silos SET i_am_alive_time = @alive WHERE cluster_id = @cluster AND silo_address = @silo");
        command.Parameters.AddWithValue("cluster", ClusterId);
        command.Parameters.AddWithValue("silo", entry.SiloAddress.ToString());
        command.Parameters.AddWithValue("alive", entry.IAmAliveTime.ToUniversalTime());
        await command.ExecuteNonQueryAsync();
    }

    public async Task DeleteClusterAsync()
    {
        // The silo rows go with the version row (ON DELETE CASCADE).
        await using var command = _dataSource.CreateCommand("DELETE FROM parkinggrains_membership_version WHERE cluster_id = @cluster");
        command.Parameters.AddWithValue("cluster", ClusterId);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync();
        }
    }

    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    private static string LoadSchema()
    {
        var assembly = typeof(PostgreSqlMembershipTable).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(SchemaResourceSuffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Embedded resource *{SchemaResourceSuffix} is missing from {assembly.GetName().Name}.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static MembershipRow ReadRow(NpgsqlDataReader reader, int first)
    {
        var entry = new MembershipEntry
        {
            SiloAddress = SiloAddress.Parse(reader.GetString(first)),
            Status = Enum.Parse<SiloStatus>(reader.GetString(first + 1)),
            GatewayPort = reader.GetInt32(first + 2),
            SiloName = reader.GetString(first + 3),
            HostName = reader.GetString(first + 4),
            StartTime = reader.GetFieldValue<DateTimeOffset>(first + 5),
            IAmAliveTime = reader.GetFieldValue<DateTimeOffset>(first + 6),
            SuspectTimes = MembershipEntrySerializer.DeserializeVotes(reader.GetString(first + 7)),
        };
        return new MembershipRow(entry, reader.GetString(first + 8));
    }

    private static string NewETag() => Guid.NewGuid().ToString("N");

    private async Task<bool> TryBumpVersionAsync(NpgsqlConnection connection, NpgsqlTransaction tx, TableVersion version)
    {
        // Under READ COMMITTED a concurrent writer of the same row blocks us until it commits, then the WHERE is
        // re-evaluated against its new ETag and matches nothing: exactly one of two racing writers wins.
        await using var command = new NpgsqlCommand(
            "UPDATE parkinggrains_membership_version SET version = @version, etag = @etag, updated_at = now() "
            + "WHERE cluster_id = @cluster AND etag = @expected",
            connection,
            tx);
        command.Parameters.AddWithValue("cluster", ClusterId);
        command.Parameters.AddWithValue("version", version.Version);
        command.Parameters.AddWithValue("etag", NewETag());
        command.Parameters.AddWithValue("expected", version.ETag ?? "");
        return await command.ExecuteNonQueryAsync() == 1;
    }

    private void AddEntryParameters(NpgsqlCommand command, MembershipEntry entry)
    {
        command.Parameters.AddWithValue("cluster", ClusterId);
        command.Parameters.AddWithValue("silo", entry.SiloAddress.ToString());
        command.Parameters.AddWithValue("status", entry.Status.ToString());
        command.Parameters.AddWithValue("gateway", entry.GatewayPort);
        command.Parameters.AddWithValue("name", entry.SiloName);
        command.Parameters.AddWithValue("host", entry.HostName);
        command.Parameters.AddWithValue("start", entry.StartTime.ToUniversalTime());
        command.Parameters.AddWithValue("alive", entry.IAmAliveTime.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter("suspects", NpgsqlDbType.Jsonb)
        {
            Value = MembershipEntrySerializer.SerializeVotes(entry.SuspectTimes),
        });
    }
}
