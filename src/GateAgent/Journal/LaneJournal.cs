using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ParkingGrains.GateAgent.Journal;

/// <summary>
/// The lane's local SQLite journal: the offline cache and the outbox of events decided without the cluster. Every write
/// is committed with a full sync before the barrier moves (WAL, synchronous=FULL), so a <c>kill -9</c> or a power cut
/// loses nothing that was acknowledged; SQLite rolls back a half-written transaction when the file is opened again.
/// A file that is not a readable database is moved aside (kept for inspection) and a new journal is started.
/// </summary>
public sealed class LaneJournal : IDisposable
{
    private const int CompletedKept = 1000;
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    private LaneJournal(SqliteConnection connection) => _connection = connection;

    /// <summary>The path a damaged journal was moved to on open, if one was.</summary>
    public string? RecoveredFrom { get; private init; }

    public static LaneJournal Open(string path, ILogger logger)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        try
        {
            return new LaneJournal(Connect(path));
        }
        catch (SqliteException exception)
        {
            var aside = $"{path}.damaged-{DateTime.UtcNow:yyyyMMddHHmmss}";
            logger.LogError(exception, "The lane journal {Path} is damaged: moved to {Aside}, starting a new one", path, aside);
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                if (File.Exists(path + suffix))
                {
                    File.Move(path + suffix, aside + suffix);
                }
            }

            return new LaneJournal(Connect(path)) { RecoveredFrom = aside };
        }
    }

    public int OutboxLength
    {
        get
        {
            lock (_gate)
            {
                using var command = Command("SELECT COUNT(*) FROM outbox");
                return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>Appends an event to the outbox, durably, before the lane acts on it. A second append of one event id is ignored.</summary>
    public void Enqueue(string eventId, OutboxKind kind, string payload, string localDecision, DateTimeOffset createdAt)
    {
        lock (_gate)
        {
            using var command = Command("INSERT OR IGNORE INTO outbox (event_id, kind, payload, local_decision, created_at, attempts) VALUES ($id, $kind, $payload, $local, $at, 0)");
            command.Parameters.AddWithValue("$id", eventId);
            command.Parameters.AddWithValue("$kind", (int)kind);
            command.Parameters.AddWithValue("$payload", payload);
            command.Parameters.AddWithValue("$local", localDecision);
            command.Parameters.AddWithValue("$at", createdAt.ToUnixTimeMilliseconds());
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The outbox in the order the lane decided.</summary>
    public IReadOnlyList<OutboxItem> Pending()
    {
        lock (_gate)
        {
            using var command = Command("SELECT seq, event_id, kind, payload, local_decision, created_at, attempts FROM outbox ORDER BY seq");
            using var reader = command.ExecuteReader();
            var items = new List<OutboxItem>();
            while (reader.Read())
            {
                items.Add(new OutboxItem(reader.GetInt64(0), reader.GetString(1), (OutboxKind)reader.GetInt32(2), reader.GetString(3), reader.GetString(4),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)), reader.GetInt32(6)));
            }

            return items;
        }
    }

    /// <summary>The cluster has decided the event: it leaves the outbox and is kept (bounded) as the lane's record.</summary>
    public void Complete(OutboxItem item, string outcome, bool conflict, DateTimeOffset at)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            Keep(item.EventId, item.Kind, outcome, conflict, at, transaction);
            using (var delete = Command("DELETE FROM outbox WHERE seq = $seq", transaction))
            {
                delete.Parameters.AddWithValue("$seq", item.Sequence);
                delete.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>Something done at the lane that never waits in the outbox (an operator's command), kept in the lane's record.</summary>
    public void Record(string eventId, OutboxKind kind, string outcome, DateTimeOffset at)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            Keep(eventId, kind, outcome, conflict: false, at, transaction);
            transaction.Commit();
        }
    }

    /// <summary>The cluster said "not yet" (e.g. an exit before its entry arrived): try again later.</summary>
    public void CountAttempt(OutboxItem item)
    {
        lock (_gate)
        {
            using var command = Command("UPDATE outbox SET attempts = attempts + 1 WHERE seq = $seq");
            command.Parameters.AddWithValue("$seq", item.Sequence);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Completed events, newest first: (event id, outcome, conflict).</summary>
    public IReadOnlyList<(string EventId, string Outcome, bool Conflict)> Completed(int limit)
    {
        lock (_gate)
        {
            using var command = Command("SELECT event_id, outcome, conflict FROM completed ORDER BY rowid DESC LIMIT $limit");
            command.Parameters.AddWithValue("$limit", limit);
            using var reader = command.ExecuteReader();
            var items = new List<(string, string, bool)>();
            while (reader.Read())
            {
                items.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2) == 1));
            }

            return items;
        }
    }

    public void SaveCache(string json, DateTimeOffset takenAt)
    {
        lock (_gate)
        {
            using var command = Command("INSERT INTO cache (id, json, taken_at) VALUES (1, $json, $at) ON CONFLICT(id) DO UPDATE SET json = $json, taken_at = $at");
            command.Parameters.AddWithValue("$json", json);
            command.Parameters.AddWithValue("$at", takenAt.ToUnixTimeMilliseconds());
            command.ExecuteNonQuery();
        }
    }

    public string? LoadCache()
    {
        lock (_gate)
        {
            using var command = Command("SELECT json FROM cache WHERE id = 1");
            return command.ExecuteScalar() as string;
        }
    }

    public void Dispose() => _connection.Dispose();

    private static SqliteConnection Connect(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
            using (var check = connection.CreateCommand())
            {
                check.CommandText = "PRAGMA quick_check";
                if (check.ExecuteScalar() as string != "ok")
                {
                    throw new SqliteException("The lane journal failed its integrity check.", 11);
                }
            }

            Execute(connection, """
                CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE, kind INTEGER NOT NULL,
                    payload TEXT NOT NULL, local_decision TEXT NOT NULL, created_at INTEGER NOT NULL, attempts INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS completed (event_id TEXT NOT NULL, kind INTEGER NOT NULL, outcome TEXT NOT NULL, conflict INTEGER NOT NULL, completed_at INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS cache (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL, taken_at INTEGER NOT NULL);
                """);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void Keep(string eventId, OutboxKind kind, string outcome, bool conflict, DateTimeOffset at, SqliteTransaction transaction)
    {
        using (var insert = Command("INSERT INTO completed (event_id, kind, outcome, conflict, completed_at) VALUES ($id, $kind, $outcome, $conflict, $at)", transaction))
        {
            insert.Parameters.AddWithValue("$id", eventId);
            insert.Parameters.AddWithValue("$kind", (int)kind);
            insert.Parameters.AddWithValue("$outcome", outcome);
            insert.Parameters.AddWithValue("$conflict", conflict ? 1 : 0);
            insert.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
            insert.ExecuteNonQuery();
        }

        using var trim = Command($"DELETE FROM completed WHERE rowid <= (SELECT MAX(rowid) FROM completed) - {CompletedKept}", transaction);
        trim.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
