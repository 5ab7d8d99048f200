namespace ParkingGrains.Runtime.Reminders.PostgreSql;

public sealed class PostgreSqlReminderTableOptions
{
    /// <summary>Npgsql connection string. Tables go to the first schema of its search path.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Separates clusters sharing one database; every row is keyed by it.</summary>
    public string ServiceId { get; set; } = "default";
}
