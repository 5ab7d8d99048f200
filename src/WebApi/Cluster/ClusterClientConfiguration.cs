using System.Net;
using Orleans.Configuration;
using Orleans.Hosting;
using ParkingGrains.Grains.Interfaces.Calls;

namespace ParkingGrains.WebApi.Cluster;

/// <summary>
/// The Orleans client of a separate web host, configured from the same keys as a silo (README "Configuration"):
/// Cluster:ClusterId/ServiceId, Cluster:Membership (Redis | PostgreSql: find the gateways in the membership table;
/// Localhost: the static list in Cluster:Gateways), ConnectionStrings:Redis/PostgreSql, Silo:ResponseTimeout.
/// </summary>
public static class ClusterClientConfiguration
{
    /// <summary>"External" means the host's creator registers the cluster client; anything else (or unset), this host builds its own.</summary>
    public const string ClientKey = "Cluster:Client";

    public static bool UsesExternalClient(IConfiguration configuration) =>
        string.Equals(configuration[ClientKey]?.Trim(), "External", StringComparison.OrdinalIgnoreCase);

    public static IHostApplicationBuilder AddParkingGrainsClusterClient(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = configuration["Cluster:ClusterId"] ?? "parkinggrains";
                o.ServiceId = configuration["Cluster:ServiceId"] ?? o.ClusterId;
            });
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = configuration.GetValue("Silo:ResponseTimeout", ClusterTimeouts.ResponseTimeout));

            // A gateway that died is dropped from the list quickly, so calls move to the survivors (PACKAGES.md).
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = ClusterTimeouts.GatewayListRefreshPeriod);
            client.AddOutgoingGrainCallFilter<IdempotentRetryFilter>();
            var membership = configuration["Cluster:Membership"] ?? "Localhost";
            switch (membership.ToUpperInvariant())
            {
                case "REDIS":
                    client.UseRedisClustering(Required(configuration, "Redis"));
                    break;
                case "POSTGRESQL":
                    client.UseAdoNetClustering(o =>
                    {
                        o.Invariant = "Npgsql";
                        o.ConnectionString = Required(configuration, "PostgreSql");
                    });
                    break;
                case "LOCALHOST" or "INPROCESS" or "STATIC":
                    var gateways = (configuration["Cluster:Gateways"] ?? "127.0.0.1:30000")
                        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(ResolveEndpoint).ToArray();
                    client.UseStaticClustering(gateways);
                    break;
                default:
                    throw new InvalidOperationException($"Cluster:Membership '{membership}' is not one of Localhost, Redis, PostgreSql.");
            }
        });
        return builder;
    }

    private static string Required(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"ConnectionStrings:{name} is required by Cluster:Membership.");

    private static IPEndPoint ResolveEndpoint(string value)
    {
        if (IPEndPoint.TryParse(value, out var endpoint))
        {
            return endpoint;
        }

        var colon = value.LastIndexOf(':');
        var addresses = Dns.GetHostAddresses(value[..colon]);
        return new IPEndPoint(addresses.First(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork),
            int.Parse(value[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
