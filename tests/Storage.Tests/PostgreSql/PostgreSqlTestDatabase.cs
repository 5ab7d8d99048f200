using Npgsql;
using ParkingGrains.TestSupport;

namespace ParkingGrains.Storage.Tests.PostgreSql;

/// <summary>
/// A database of its own for one test, created through the server's configured database and dropped afterwards, so
/// tests (and concurrent runs) never see each other's Orleans tables or schema_migrations rows.
/// </summary>
public sealed class PostgreSqlTestDatabase : IAsyncDisposable
{
    private readonly string _maintenanceConnectionString;

    private PostgreSqlTestDatabase(string maintenanceConnectionString, string name, string connectionString)
    {
        _maintenanceConnectionString = maintenanceConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgreSqlTestDatabase> CreateAsync()
    {
        var maintenance = TestServers.PostgreSql;

        // Lower case, so the name needs no quoting; 32 hex digits keep it well under the 63-byte identifier limit.
        var name = $"pg_orleans_{Guid.NewGuid():N}";
        await ExecuteAsync(maintenance, $"CREATE DATABASE {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(maintenance) { Database = name }.ConnectionString;
        return new PostgreSqlTestDatabase(maintenance, name, connectionString);
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public Task ExecuteAsync(string sql) => ExecuteAsync(ConnectionString, sql);

    public async ValueTask DisposeAsync()
    {
        // FORCE ends the providers' pooled connections that are still open.
        await ExecuteAsync(_maintenanceConnectionString, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
