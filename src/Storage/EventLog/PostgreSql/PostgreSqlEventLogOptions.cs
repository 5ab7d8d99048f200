namespace ParkingGrains.Storage.EventLog.PostgreSql;

public sealed class PostgreSqlEventLogOptions
{
    /// <summary>Npgsql connection string. Tables go to the first schema of its search path.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Separates clusters sharing one database; every row is keyed by it.</summary>
    public string ServiceId { get; set; } = "default";

    /// <summary>Most appends sent in one round trip and one transaction.</summary>
    public int MaxBatchSize { get; set; } = 128;

    /// <summary>Batches in flight at once (each on its own pooled connection), so one slow commit does not stall the queue.</summary>
    public int MaxConcurrentBatches { get; set; } = 4;
}
