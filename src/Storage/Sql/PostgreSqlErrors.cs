using Npgsql;

namespace ParkingGrains.Storage.Sql;

/// <summary>How the PostgreSQL providers classify errors for their write batchers.</summary>
internal static class PostgreSqlErrors
{
    /// <summary>The batch rolled back as a whole (or never reached the server), so re-running it is safe.</summary>
    public static bool IsTransient(Exception ex) =>
        ex is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure }
        || ex is NpgsqlException { IsTransient: true };

    public static bool IsUniqueViolation(Exception ex) =>
        ex is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
