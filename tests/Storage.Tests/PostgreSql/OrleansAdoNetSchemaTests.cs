using System.Data;
using System.Text.RegularExpressions;
using Npgsql;
using ParkingGrains.Storage.PostgreSql;

namespace ParkingGrains.Storage.Tests.PostgreSql;

public sealed partial class OrleansAdoNetSchemaTests
{
    [Fact]
    public void The_providers_require_the_known_query_keys()
    {
        // The contract of Orleans 10.4.2 as written in the migrations; a new key in an upgrade lands here first.
        Assert.Equal(
            ["CleanupDefunctSiloEntriesKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey", "InsertMembershipKey",
             "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey"],
            OrleansAdoNetContract.ClusteringKeys);
        Assert.Equal(
            ["DeleteReminderRowKey", "DeleteReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey",
             "ReadReminderRowsKey", "UpsertReminderRowKey"],
            OrleansAdoNetContract.ReminderKeys);
        Assert.Equal(["WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey"], OrleansAdoNetContract.StorageKeys);
    }

    [Fact]
    public async Task Migrating_an_empty_database_creates_every_table_and_query_key()
    {
        await using var db = await PostgreSqlTestDatabase.CreateAsync();

        await OrleansAdoNetSchema.MigrateAsync(db.ConnectionString);

        var tables = await ReadStringsAsync(db, "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()");
        Assert.All(OrleansAdoNetContract.Tables, table => Assert.Contains(table, tables));

        var keys = await ReadStringsAsync(db, "SELECT QueryKey FROM OrleansQuery");
        Assert.Empty(OrleansAdoNetContract.AllKeys.Except(keys));
        Assert.Equal(OrleansAdoNetContract.AllKeys.Count, keys.Count);

        var versions = await ReadStringsAsync(db, "SELECT version::text FROM schema_migrations WHERE component = 'orleans' ORDER BY version");
        Assert.Equal(["1", "2", "3", "4"], versions);
    }

    [Fact]
    public async Task Migrating_again_changes_nothing()
    {
        await using var db = await PostgreSqlTestDatabase.CreateAsync();
        await OrleansAdoNetSchema.MigrateAsync(db.ConnectionString);
        var before = await SchemaFingerprintAsync(db);

        await OrleansAdoNetSchema.MigrateAsync(db.ConnectionString);

        Assert.Equal(before, await SchemaFingerprintAsync(db));
    }

    [Fact]
    public async Task Three_silos_migrating_at_once_all_succeed_and_apply_each_script_once()
    {
        await using var db = await PostgreSqlTestDatabase.CreateAsync();

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => OrleansAdoNetSchema.MigrateAsync(db.ConnectionString))));

        Assert.Equal(4L, await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations WHERE component = 'orleans'"));
        Assert.Equal((long)OrleansAdoNetContract.AllKeys.Count, await db.ScalarAsync<long>("SELECT count(*) FROM OrleansQuery"));
    }

    [Fact]
    public async Task Every_stored_query_runs_with_the_parameter_types_the_providers_send()
    {
        await using var db = await PostgreSqlTestDatabase.CreateAsync();
        await OrleansAdoNetSchema.MigrateAsync(db.ConnectionString);
        var queries = await ReadQueriesAsync(db);

        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        foreach (var (key, text) in queries)
        {
            // Period travels as integer or bigint depending on its size; both must bind.
            foreach (var periodType in key == "UpsertReminderRowKey" ? new[] { DbType.Int32, DbType.Int64 } : [DbType.Int32])
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await using var command = new NpgsqlCommand(text, connection, transaction);
                foreach (var name in ParameterNames(text))
                {
                    command.Parameters.Add(ProviderParameter(name, periodType));
                }

                var exception = await Record.ExceptionAsync(() => command.ExecuteNonQueryAsync());
                Assert.True(exception is null, $"{key}: {exception?.Message}");
                await transaction.RollbackAsync();
            }
        }
    }

    [Fact]
    public async Task Deleting_a_clusters_membership_removes_its_silos_and_version_row()
    {
        await using var db = await PostgreSqlTestDatabase.CreateAsync();
        await OrleansAdoNetSchema.MigrateAsync(db.ConnectionString);
        var queries = await ReadQueriesAsync(db);
        await db.ExecuteAsync(
            "INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES ('c1'), ('c2');" +
            "INSERT INTO OrleansMembershipTable (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, StartTime, IAmAliveTime) " +
            "VALUES ('c1', '127.0.0.1', 11111, 1, 's', 'h', 3, now(), now()), ('c2', '127.0.0.1', 11111, 1, 's', 'h', 3, now(), now())");

        await using (var connection = new NpgsqlConnection(db.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(queries["DeleteMembershipTableEntriesKey"], connection);
            command.Parameters.Add(ProviderParameter("DeploymentId", value: "c1"));
            await command.ExecuteNonQueryAsync();
        }

        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = 'c1'"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM OrleansMembershipVersionTable WHERE DeploymentId = 'c1'"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = 'c2'"));
    }

    /// <summary>A parameter as the providers create it: by name, with the DbType their helpers pick for the value.</summary>
    private static NpgsqlParameter ProviderParameter(string name, DbType periodType = DbType.Int32, object? value = null)
    {
        var (type, sample) = name switch
        {
            "DeploymentId" or "ServiceId" or "SiloName" or "HostName" or "ReminderName" or "GrainTypeString" => (DbType.String, (object)"x"),
            "Address" => (DbType.AnsiString, "127.0.0.1"),
            "GrainId" => (DbType.AnsiString, "testgrain/1"),
            "SuspectTimes" or "GrainIdExtensionString" => (DbType.String, DBNull.Value),
            "Port" or "Generation" or "Status" or "ProxyPort" or "Version" or "GrainHash" or "BeginHash" or "EndHash"
                or "GrainIdHash" or "GrainTypeHash" => (DbType.Int32, 1),
            "GrainStateVersion" => (DbType.Int32, DBNull.Value),
            "GrainIdN0" or "GrainIdN1" => (DbType.Int64, 1L),
            "StartTime" or "IAmAliveTime" => (DbType.DateTime, DateTime.UtcNow),
            "Period" => (periodType, periodType == DbType.Int64 ? 60_000L : 60_000),
            "PayloadBinary" => (DbType.Binary, "{}"u8.ToArray()),
            _ => throw new InvalidOperationException($"A query uses @{name}, which no provider sends."),
        };
        return new NpgsqlParameter { ParameterName = name, DbType = type, Value = value ?? sample };
    }

    private static IEnumerable<string> ParameterNames(string sql) =>
        ParameterReference().Matches(sql).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal);

    [GeneratedRegex("@([A-Za-z0-9]+)")]
    private static partial Regex ParameterReference();

    private static async Task<Dictionary<string, string>> ReadQueriesAsync(PostgreSqlTestDatabase db)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT QueryKey, QueryText FROM OrleansQuery", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var queries = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            queries.Add(reader.GetString(0), reader.GetString(1));
        }

        return queries;
    }

    private static async Task<List<string>> ReadStringsAsync(PostgreSqlTestDatabase db, string sql)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    // Migrations applied (with their times), query texts, and every column and index of the schema.
    private static async Task<string> SchemaFingerprintAsync(PostgreSqlTestDatabase db) => string.Join("\n",
        string.Join("\n", await ReadStringsAsync(db, "SELECT component || ' ' || version || ' ' || applied_at FROM schema_migrations ORDER BY 1")),
        string.Join("\n", await ReadStringsAsync(db, "SELECT QueryKey || ' ' || md5(QueryText) FROM OrleansQuery ORDER BY 1")),
        string.Join("\n", await ReadStringsAsync(db,
            "SELECT table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns " +
            "WHERE table_schema = current_schema() ORDER BY 1")),
        string.Join("\n", await ReadStringsAsync(db, "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1")));
}
