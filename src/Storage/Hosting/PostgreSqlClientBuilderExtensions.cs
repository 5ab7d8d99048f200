using Orleans.Configuration;
using Orleans.Hosting;
using ParkingGrains.Storage.PostgreSql;

namespace ParkingGrains.Storage.Hosting;

/// <summary>Clients (web API, gate agents) find the cluster's gateways in the silos' membership table.</summary>
public static class PostgreSqlClientBuilderExtensions
{
    /// <summary>
    /// Reads gateways from <c>OrleansMembershipTable</c>. Clients do not migrate the schema: silos own it, and a client
    /// that starts before any silo has nothing to connect to anyway.
    /// </summary>
    public static IClientBuilder UsePostgreSqlClustering(this IClientBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);

        return builder.UseAdoNetClustering((AdoNetClusteringClientOptions options) =>
        {
            options.Invariant = OrleansAdoNetSchema.Invariant;
            options.ConnectionString = connectionString;
        });
    }
}
