namespace ParkingGrains.Storage.Reminders.Sqlite;

public sealed class SqliteReminderTableOptions
{
    /// <summary>A Microsoft.Data.Sqlite connection string naming a file; may be the grain storage's file.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Separates clusters sharing one file; every row is keyed by it.</summary>
    public string ServiceId { get; set; } = "default";
}
