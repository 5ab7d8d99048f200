using Microsoft.Extensions.Configuration;
using ParkingGrains.Runtime.EventLog;
using ParkingGrains.Runtime.EventLog.PostgreSql;
using ParkingGrains.Runtime.EventLog.Sqlite;
using ParkingGrains.Runtime.Membership;
using ParkingGrains.Runtime.Reminders;
using ParkingGrains.Runtime.Reminders.PostgreSql;
using ParkingGrains.Runtime.Reminders.Sqlite;
using ParkingGrains.Runtime.Storage;
using ParkingGrains.Runtime.Storage.PostgreSql;
using ParkingGrains.Runtime.Storage.Sqlite;

namespace ParkingGrains.Runtime.Hosting;

/// <summary>The built-in providers, and selecting them from configuration.</summary>
public sealed partial class SiloBuilder
{
    /// <summary>Membership in this process only: a single silo, or several silos of an in-process test.</summary>
    public SiloBuilder UseInProcessMembership(InMemoryMembershipTable? shared = null) =>
        UseMembershipTable(_ => shared ?? new InMemoryMembershipTable());

    public SiloBuilder UseRedisMembership(string connectionString) =>
        UseMembershipTable(_ => new RedisMembershipTable(connectionString, Options.ClusterId));

    public SiloBuilder UsePostgreSqlMembership(string connectionString) =>
        UseMembershipTable(_ => new PostgreSqlMembershipTable(connectionString, Options.ClusterId));

    public SiloBuilder AddMemoryGrainStorage(string name = "Default") => AddGrainStorage(name, _ => new MemoryGrainStorage());

    public SiloBuilder AddSqliteGrainStorage(string name, string connectionString) =>
        AddGrainStorage(name, _ => new SqliteGrainStorage(new SqliteStorageOptions { ConnectionString = connectionString, ServiceId = Options.ServiceId }));

    public SiloBuilder AddPostgreSqlGrainStorage(string name, string connectionString) =>
        AddGrainStorage(name, _ => new PostgreSqlGrainStorage(new PostgreSqlStorageOptions { ConnectionString = connectionString, ServiceId = Options.ServiceId }));

    public SiloBuilder AddMemoryEventLog(string name = "Default") => AddEventLog(name, _ => new MemoryEventLogStorage());

    public SiloBuilder AddSqliteEventLog(string name, string connectionString) =>
        AddEventLog(name, _ => new SqliteEventLogStorage(new SqliteEventLogOptions { ConnectionString = connectionString, ServiceId = Options.ServiceId }));

    public SiloBuilder AddPostgreSqlEventLog(string name, string connectionString) =>
        AddEventLog(name, _ => new PostgreSqlEventLogStorage(new PostgreSqlEventLogOptions { ConnectionString = connectionString, ServiceId = Options.ServiceId }));

    public SiloBuilder UseMemoryReminders() => UseReminderTable(_ => new MemoryReminderTable());

    public SiloBuilder UseSqliteReminders(string connectionString) =>
        UseReminderTable(_ => new SqliteReminderTable(new SqliteReminderTableOptions { ConnectionString = connectionString, ServiceId = Options.ServiceId }));

    public SiloBuilder UsePostgreSqlReminders(string connectionString) =>
        UseReminderTable(_ => new PostgreSqlReminderTable(new PostgreSqlReminderTableOptions { ConnectionString = connectionString, ServiceId = Options.ServiceId }));

    /// <summary>
    /// Reads the README's configuration keys: Cluster:ClusterId/ServiceId/Membership (InProcess|Redis|PostgreSql),
    /// Storage:Provider (Sqlite|PostgreSql|Memory, reminders and the event log follow it), ConnectionStrings:Sqlite/PostgreSql/Redis,
    /// Silo:SiloPort/GatewayPort/AdvertisedAddress/ListenAddress/SiloName/GrainAssemblies, Silo:ResponseTimeout,
    /// Silo:CollectionAge.
    /// </summary>
    public SiloBuilder UseConfiguration(IConfiguration configuration)
    {
        var cluster = configuration.GetSection("Cluster");
        var silo = configuration.GetSection("Silo");
        Options.ClusterId = cluster["ClusterId"] ?? Options.ClusterId;
        Options.ServiceId = cluster["ServiceId"] ?? Options.ClusterId;
        Options.SiloName = silo["SiloName"] ?? Options.SiloName;
        Options.SiloPort = silo.GetValue("SiloPort", Options.SiloPort);
        Options.GatewayPort = silo.GetValue("GatewayPort", Options.GatewayPort);
        if (silo["AdvertisedAddress"] is { Length: > 0 } advertised)
        {
            Options.AdvertisedAddress = ResolveAddress(advertised);
        }

        if (silo["ListenAddress"] is { Length: > 0 } listen)
        {
            Options.ListenAddress = ResolveAddress(listen);
        }

        Options.ResponseTimeout = silo.GetValue("ResponseTimeout", Options.ResponseTimeout);
        Options.CollectionAge = silo.GetValue("CollectionAge", Options.CollectionAge);
        foreach (var path in (silo["GrainAssemblies"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            AddGrainAssembly(System.Reflection.Assembly.LoadFrom(path));
        }

        var membership = cluster["Membership"] ?? "InProcess";
        switch (membership.ToUpperInvariant())
        {
            case "INPROCESS":
                UseInProcessMembership();
                break;
            case "REDIS":
                UseRedisMembership(Required(configuration, "Redis"));
                break;
            case "POSTGRESQL":
                UsePostgreSqlMembership(Required(configuration, "PostgreSql"));
                break;
            default:
                throw new InvalidOperationException($"Cluster:Membership '{membership}' is not one of InProcess, Redis, PostgreSql.");
        }

        var storage = configuration["Storage:Provider"] ?? "Sqlite";
        switch (storage.ToUpperInvariant())
        {
            case "SQLITE":
                var sqlite = Required(configuration, "Sqlite");
                EnsureSqliteFolder(sqlite);
                AddSqliteGrainStorage(GrainStorageNames.Default, sqlite);
                AddSqliteEventLog(GrainStorageNames.Default, sqlite);
                UseSqliteReminders(sqlite);
                break;
            case "POSTGRESQL":
                var postgres = Required(configuration, "PostgreSql");
                AddPostgreSqlGrainStorage(GrainStorageNames.Default, postgres);
                AddPostgreSqlEventLog(GrainStorageNames.Default, postgres);
                UsePostgreSqlReminders(postgres);
                break;
            case "MEMORY":
                AddMemoryGrainStorage(GrainStorageNames.Default);
                AddMemoryEventLog(GrainStorageNames.Default);
                UseMemoryReminders();
                break;
            default:
                throw new InvalidOperationException($"Storage:Provider '{storage}' is not one of Sqlite, PostgreSql, Memory.");
        }

        return this;
    }

    private static string Required(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"ConnectionStrings:{name} is required by the configured providers.");

    private static System.Net.IPAddress ResolveAddress(string value) =>
        System.Net.IPAddress.TryParse(value, out var address)
            ? address
            : System.Net.Dns.GetHostAddresses(value).First(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);

    private static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }
}
