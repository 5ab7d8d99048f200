namespace ParkingGrains.Storage.EventLog.Sqlite;

public sealed class SqliteEventLogOptions
{
    /// <summary>A Microsoft.Data.Sqlite connection string naming a file; may be the grain storage's file.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Separates clusters sharing one file; every row is keyed by it.</summary>
    public string ServiceId { get; set; } = "default";

    /// <summary>Most appends committed in one transaction (one fsync).</summary>
    public int MaxBatchSize { get; set; } = 128;
}
