using Microsoft.Data.Sqlite;

namespace ParkingGrains.Grains.Tests.History;

/// <summary>A SQLite file in its own temp directory, removed (with its -wal and -shm) on dispose.</summary>
public sealed class TempDatabaseFile : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pg-history-" + Guid.NewGuid().ToString("N"));

    public TempDatabaseFile()
    {
        Directory.CreateDirectory(_directory);
        ConnectionString = $"Data Source={Path.Combine(_directory, "history.db")}";
    }

    public string ConnectionString { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leaked temp file must not fail a test.
        }
    }
}
