namespace ParkingGrains.Storage.GrainState.Sqlite;

public sealed class SqliteStorageOptions
{
    /// <summary>A Microsoft.Data.Sqlite connection string naming a file, e.g. "Data Source=/var/lib/parkinggrains/grains.db".</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Separates clusters sharing one file; every row is keyed by it.</summary>
    public string ServiceId { get; set; } = "default";

    /// <summary>Most writes committed in one transaction (one fsync).</summary>
    public int MaxBatchSize { get; set; } = 128;
}
