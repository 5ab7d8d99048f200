namespace ParkingGrains.Storage.Tests.Storage;

/// <summary>A database file in its own temp directory, removed (with its -wal and -shm) on dispose.</summary>
public sealed class TempSqliteFile : IDisposable
{
    private readonly string _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pg-sqlite-" + Guid.NewGuid().ToString("N"));

    public TempSqliteFile()
    {
        Directory.CreateDirectory(_directory);
        Path = System.IO.Path.Combine(_directory, "grains.db");
    }

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path}";

    public void Dispose()
    {
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
