using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using StackExchange.Redis;

namespace ParkingGrains.Runtime.Membership;

/// <summary>
/// The Orleans Redis clustering design: one hash per cluster (<c>parkinggrains:{clusterId}:members</c>) with a
/// <c>version</c> field and one field per silo. The version field holds "{version}:{unique}", and that whole string
/// is the table ETag, so "the table has not changed since I read it" is a plain <c>HashEqual</c> condition. A silo
/// field holds <c>{"etag":…,"entry":{…}}</c>. Every change is a MULTI/EXEC guarded by conditions; a failed
/// condition returns false.
/// </summary>
public sealed class RedisMembershipTable : IMembershipTable, IAsyncDisposable, IDisposable
{
    private const string VersionField = "version";

    // IAmAlive and updates compare the whole silo field; a concurrent IAmAlive write (which keeps the row ETag) can
    // make an otherwise valid update's condition fail, so it re-checks a few times before reporting a real conflict.
    private const int MaxAttempts = 8;

    private readonly Lock _connectLock = new();
    private readonly string? _connectionString;
    private readonly bool _ownsConnection;
    private Task<ConnectionMultiplexer>? _connection;

    public RedisMembershipTable(string connectionString, string clusterId)
        : this(clusterId)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        _connectionString = connectionString;
        _ownsConnection = true;
    }

    public RedisMembershipTable(ConnectionMultiplexer connection, string clusterId)
        : this(clusterId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = Task.FromResult(connection);
        _ownsConnection = false;
    }

    private RedisMembershipTable(string clusterId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        ClusterId = clusterId;
        Key = $"parkinggrains:{clusterId}:members";
    }

    public string ClusterId { get; }

    /// <summary>The Redis key of this cluster's hash.</summary>
    public string Key { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var db = await GetDatabaseAsync();
        await db.HashSetAsync(Key, VersionField, NewVersionValue(0), When.NotExists);
    }

    public async Task<MembershipTableData> ReadAllAsync()
    {
        var db = await GetDatabaseAsync();
        var fields = await db.HashGetAllAsync(Key);
        var version = new TableVersion(0, "");
        var rows = new List<MembershipRow>(fields.Length);
        foreach (var field in fields)
        {
            if (field.Name == VersionField)
            {
                version = ParseVersion(field.Value!);
            }
            else
            {
                rows.Add(ParseRow(field.Value!));
            }
        }

        rows.Sort((a, b) => a.Entry.SiloAddress.CompareTo(b.Entry.SiloAddress));
        return new MembershipTableData(rows, version);
    }

    public async Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(version);
        var db = await GetDatabaseAsync();
        var field = entry.SiloAddress.ToString();
        var tx = db.CreateTransaction();
        tx.AddCondition(Condition.HashEqual(Key, VersionField, version.ETag));
        tx.AddCondition(Condition.HashNotExists(Key, field));
        _ = tx.HashSetAsync(Key, field, FormatRow(entry, NewETag()));
        _ = tx.HashSetAsync(Key, VersionField, NewVersionValue(version.Version));
        return await tx.ExecuteAsync();
    }

    public async Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(version);
        var db = await GetDatabaseAsync();
        var field = entry.SiloAddress.ToString();
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await db.HashGetAsync(Key, [VersionField, field]);
            if (current[0].IsNull || (string)current[0]! != version.ETag || current[1].IsNull
                || ParseRow(current[1]!).ETag != etag)
            {
                return false;
            }

            var tx = db.CreateTransaction();
            tx.AddCondition(Condition.HashEqual(Key, VersionField, version.ETag));
            tx.AddCondition(Condition.HashEqual(Key, field, current[1]));
            _ = tx.HashSetAsync(Key, field, FormatRow(entry, NewETag()));
            _ = tx.HashSetAsync(Key, VersionField, NewVersionValue(version.Version));
            if (await tx.ExecuteAsync())
            {
                return true;
            }
        }

        return false;
    }

    public async Task UpdateIAmAliveAsync(MembershipEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var db = await GetDatabaseAsync();
        var field = entry.SiloAddress.ToString();
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var raw = await db.HashGetAsync(Key, field);
            if (raw.IsNull)
            {
                return;
            }

            var row = ParseRow(raw!);
            var tx = db.CreateTransaction();
            tx.AddCondition(Condition.HashEqual(Key, field, raw));
            _ = tx.HashSetAsync(Key, field, FormatRow(row.Entry with { IAmAliveTime = entry.IAmAliveTime }, row.ETag));
            if (await tx.ExecuteAsync())
            {
                return;
            }
        }
    }

    public async Task DeleteClusterAsync()
    {
        var db = await GetDatabaseAsync();
        await db.KeyDeleteAsync(Key);
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsConnection && _connection is { IsCompletedSuccessfully: true } connected)
        {
            var connection = await connected;
            await connection.CloseAsync();
            connection.Dispose();
        }
    }

    public void Dispose()
    {
        if (_ownsConnection && _connection is { IsCompletedSuccessfully: true } connected)
        {
            connected.Result.Dispose();
        }
    }

    private static MembershipRow ParseRow(string raw)
    {
        var stored = JsonSerializer.Deserialize<StoredRow>(raw, MembershipEntrySerializer.Options);
        return stored is { ETag: not null, Entry: not null }
            ? new MembershipRow(stored.Entry, stored.ETag)
            : throw new JsonException("A membership row needs an etag and an entry.");
    }

    private static string FormatRow(MembershipEntry entry, string etag) =>
        JsonSerializer.Serialize(new StoredRow(etag, entry), MembershipEntrySerializer.Options);

    private static TableVersion ParseVersion(string raw)
    {
        var colon = raw.IndexOf(':', StringComparison.Ordinal);
        var number = colon > 0 ? raw[..colon] : raw;
        return new TableVersion(int.Parse(number, NumberStyles.Integer, CultureInfo.InvariantCulture), raw);
    }

    private static string NewVersionValue(int version) =>
        string.Create(CultureInfo.InvariantCulture, $"{version}:{Guid.NewGuid():N}");

    private static string NewETag() => Guid.NewGuid().ToString("N");

    private async Task<IDatabase> GetDatabaseAsync()
    {
        Task<ConnectionMultiplexer> connecting;
        lock (_connectLock)
        {
            // A failed first connect is not cached forever: the membership agent retries every period and Redis may
            // simply not have been up yet.
            if (_connection is null || (_connection.IsFaulted && _connectionString is not null))
            {
                _connection = ConnectionMultiplexer.ConnectAsync(_connectionString!);
            }

            connecting = _connection;
        }

        return (await connecting).GetDatabase();
    }

    // Stored as {"etag":"…","entry":{…}}: the row ETag travels with the entry in the same hash field.
    private sealed record StoredRow([property: JsonPropertyName("etag")] string ETag, MembershipEntry Entry);
}
