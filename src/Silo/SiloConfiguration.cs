using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Orleans.Configuration;
using ParkingGrains.Grains.Interfaces.Calls;
using ParkingGrains.Storage.Hosting;
using ParkingGrains.Storage.Journaling;

namespace ParkingGrains.Silo;

/// <summary>
/// Configures the Orleans silo from the README's keys: Cluster:ClusterId/ServiceId/Membership (Localhost | Redis |
/// PostgreSql), Storage:Provider (Sqlite | PostgreSql | Memory: grain state, reminders and the lot event log follow
/// it), ConnectionStrings:Sqlite/PostgreSql/Redis, Silo:SiloPort/GatewayPort/AdvertisedAddress/ListenAddress/SiloName,
/// Silo:ResponseTimeout, Silo:CollectionAge, Silo:MinimumReminderPeriod, Silo:ProbeTimeout and Silo:NumMissedProbesLimit.
/// </summary>
public static class SiloConfiguration
{
    public static ISiloBuilder UseParkingGrainsConfiguration(this ISiloBuilder silo, IConfiguration configuration)
    {
        var cluster = configuration.GetSection("Cluster");
        var settings = configuration.GetSection("Silo");
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster["ClusterId"] ?? "parkinggrains";
            o.ServiceId = cluster["ServiceId"] ?? o.ClusterId;
        });
        silo.Configure<SiloOptions>(o => o.SiloName = settings["SiloName"] ?? o.SiloName);

        var siloPort = settings.GetValue("SiloPort", EndpointOptions.DEFAULT_SILO_PORT);
        var gatewayPort = settings.GetValue("GatewayPort", EndpointOptions.DEFAULT_GATEWAY_PORT);
        var advertised = ResolveAddress(settings["AdvertisedAddress"] is { Length: > 0 } a ? a : "127.0.0.1");
        var listen = settings["ListenAddress"] is { Length: > 0 } l ? ResolveAddress(l) : advertised;
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = advertised;
            o.SiloPort = siloPort;
            o.GatewayPort = gatewayPort;
            o.SiloListeningEndpoint = new IPEndPoint(listen, siloPort);
            o.GatewayListeningEndpoint = new IPEndPoint(listen, gatewayPort);
        });

        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = settings.GetValue("ResponseTimeout", ClusterTimeouts.ResponseTimeout));
        silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = settings.GetValue("CollectionAge", TimeSpan.FromMinutes(15)));

        // Orleans rejects reminder periods below ReminderOptions.MinimumReminderPeriod (1 minute by default); tests that
        // want a lot's reservation reminder (Lots:ReservationCheckPeriod) to tick every second lower it here.
        if (settings.GetValue<TimeSpan?>("MinimumReminderPeriod") is { } minimumReminderPeriod)
        {
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = minimumReminderPeriod);
        }

        // Failure detection. Orleans' defaults (a probe every 5 s, 3 missed probes) evict a dead silo in 15-20 s, and
        // until then nothing finds the grains whose directory entries it held: a gate waits that long. A probe every 2 s
        // evicts it in ~6-8 s. A frozen (SIGSTOP) silo keeps its TCP connections open; with the connection liveness check
        // on, Orleans waits ~60 s before voting it dead; off, the probes alone evict it (PACKAGES.md). A silo that is
        // itself overloaded extends its probe timeout (Orleans' degradation check), so a busy machine does not evict
        // healthy peers.
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.EnableConnectionLivenessCheck = false;
            o.ProbeTimeout = settings.GetValue("ProbeTimeout", TimeSpan.FromSeconds(2));
            o.NumMissedProbesLimit = settings.GetValue("NumMissedProbesLimit", 3);
        });
        silo.AddOutgoingGrainCallFilter<IdempotentRetryFilter>();

        var membership = cluster["Membership"] ?? "Localhost";
        switch (membership.ToUpperInvariant())
        {
            case "LOCALHOST" or "INPROCESS":
                silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: cluster["ServiceId"] ?? cluster["ClusterId"] ?? "parkinggrains", clusterId: cluster["ClusterId"] ?? "parkinggrains");
                break;
            case "REDIS":
                silo.UseRedisClustering(Required(configuration, "Redis"));
                break;
            case "POSTGRESQL":
                silo.UsePostgreSqlClustering(Required(configuration, "PostgreSql"));
                break;
            default:
                throw new InvalidOperationException($"Cluster:Membership '{membership}' is not one of Localhost, Redis, PostgreSql.");
        }

        var storage = configuration["Storage:Provider"] ?? "Sqlite";
        const string name = "Default";
        switch (storage.ToUpperInvariant())
        {
            case "SQLITE":
                var sqlite = Required(configuration, "Sqlite");
                EnsureSqliteFolder(sqlite);
                silo.AddSqliteGrainStorage(name, sqlite);
                silo.AddSqliteEventLog(name, sqlite);
                silo.UseSqliteReminders(sqlite);
                break;
            case "POSTGRESQL":
                var postgres = Required(configuration, "PostgreSql");
                silo.AddPostgreSqlGrainStorage(name, postgres);
                silo.AddPostgreSqlEventLog(name, postgres);
                silo.UsePostgreSqlReminders(postgres);
                break;
            case "MEMORY":
                silo.AddMemoryGrainStorage(name);
                silo.AddMemoryEventLog(name);
                silo.UseInMemoryReminderService();
                break;
            default:
                throw new InvalidOperationException($"Storage:Provider '{storage}' is not one of Sqlite, PostgreSql, Memory.");
        }

        // Journal:SnapshotEvery:lot (and other stream names) overrides a journaled grain's snapshot interval.
        silo.Services.Configure<JournalOptions>(configuration.GetSection("Journal"));
        return silo;
    }

    private static string Required(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"ConnectionStrings:{name} is required by the configured providers.");

    private static IPAddress ResolveAddress(string value) =>
        IPAddress.TryParse(value, out var address)
            ? address
            : Dns.GetHostAddresses(value).First(a => a.AddressFamily == AddressFamily.InterNetwork);

    private static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }
}
