using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ParkingGrains.Storage.PostgreSql;

namespace ParkingGrains.Storage.Hosting;

/// <summary>
/// Runs <see cref="OrleansAdoNetSchema.MigrateAsync"/> at <see cref="ServiceLifecycleStage.First"/>. The AdoNet
/// providers load their queries from <c>OrleansQuery</c> when they initialise, and the earliest of them, the membership
/// table (MembershipTableManager, at RuntimeGrainServices in Orleans 10), starts well after First, so the tables and
/// queries exist before any provider reads them. A failed migration fails the silo's start rather than its first write.
/// </summary>
internal sealed partial class OrleansAdoNetSchemaMigration(
    IOptions<OrleansAdoNetSchemaMigrationOptions> options,
    ILogger<OrleansAdoNetSchemaMigration> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(OrleansAdoNetSchemaMigration), ServiceLifecycleStage.First, MigrateAsync);

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        foreach (var connectionString in options.Value.ConnectionStrings)
        {
            await OrleansAdoNetSchema.MigrateAsync(connectionString, cancellationToken).ConfigureAwait(false);
            LogMigrated(logger, OrleansAdoNetSchema.MigrationComponent);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL schema of component '{Component}' is up to date.")]
    private static partial void LogMigrated(ILogger logger, string component);
}
