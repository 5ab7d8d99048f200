using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace ParkingGrains.WebApi.Operations;

/// <summary>Ready when PostgreSQL answers <c>SELECT 1</c> on ConnectionStrings:PostgreSql.</summary>
internal sealed class PostgreSqlHealthCheck(string connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL answered.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL did not answer: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
