using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParkingGrains.Runtime.Client;
using ParkingGrains.Runtime.EventLog;
using ParkingGrains.Runtime.Hosting;
using ParkingGrains.Runtime.Membership;
using ParkingGrains.Runtime.Reminders;
using ParkingGrains.Runtime.Storage;

namespace ParkingGrains.Runtime.Testing;

/// <summary>
/// Several real silos in one process, each with its own services and TCP ports on loopback, plus a client
/// connected through their gateways — the shape of Orleans' TestCluster: start, add, stop, kill, restart silos.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly TestClusterOptions _options;
    private readonly List<Silo> _silos = [];
    private readonly InMemoryMembershipTable _membership;
    private readonly MemoryGrainStorage _storage = new();
    private readonly MemoryReminderTable _reminders = new();
    private readonly MemoryEventLogStorage _eventLog = new();
    private int _siloNumber;

    private TestCluster(TestClusterOptions options)
    {
        _options = options;
        _membership = new InMemoryMembershipTable();
    }

    public IReadOnlyList<Silo> Silos
    {
        get
        {
            lock (_silos)
            {
                return [.. _silos];
            }
        }
    }

    public ClusterClient Client { get; private set; } = null!;

    public IGrainFactory GrainFactory => Client;

    public string ClusterId => _options.ClusterId;

    public static async Task<TestCluster> StartAsync(TestClusterOptions options)
    {
        var cluster = new TestCluster(options);
        try
        {
            for (var i = 0; i < options.InitialSiloCount; i++)
            {
                await cluster.StartAdditionalSiloAsync();
            }

            await cluster.WaitForLivenessToStabilizeAsync();
            cluster.Client = await cluster.ConnectClientAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>A new client through the gateways of the running silos.</summary>
    public async Task<ClusterClient> ConnectClientAsync(Action<ClusterClientOptions>? configure = null)
    {
        var options = new ClusterClientOptions { ClusterId = _options.ClusterId };
        options.Gateways.AddRange(Silos.Select(s => s.GatewayEndpoint!));
        _options.ConfigureClient?.Invoke(options);
        configure?.Invoke(options);
        var client = new ClusterClient(options, CreateLoggerFactory("client"));
        await client.ConnectAsync();
        return client;
    }

    public async Task<Silo> StartAdditionalSiloAsync()
    {
        var name = $"silo{Interlocked.Increment(ref _siloNumber)}";
        var services = new ServiceCollection();
        services.AddSingleton(CreateLoggerFactory(name));
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        var options = new SiloOptions { ClusterId = _options.ClusterId, ServiceId = _options.ClusterId, SiloName = name, SiloPort = 0, GatewayPort = 0 };
        var builder = new SiloBuilder(services, options);
        builder.UseMembershipTable(_ => _membership);
        builder.AddGrainStorage("Default", _ => _storage);
        builder.UseReminderTable(_ => _reminders);
        builder.AddEventLog("Default", _ => _eventLog);
        foreach (var assembly in _options.GrainAssemblies)
        {
            builder.AddGrainAssembly(assembly);
        }

        _options.ConfigureSilo?.Invoke(builder);
        var silo = new Silo(options, services.BuildServiceProvider());
        await silo.StartAsync();
        lock (_silos)
        {
            _silos.Add(silo);
        }

        return silo;
    }

    /// <summary>Graceful: grains deactivate (writing their state) and the silo leaves membership.</summary>
    public async Task StopSiloAsync(Silo silo)
    {
        Remove(silo);
        await silo.StopAsync();
    }

    /// <summary>A crash: no deactivation, no membership update; the others must detect it.</summary>
    public async Task KillSiloAsync(Silo silo)
    {
        Remove(silo);
        await silo.KillAsync();
    }

    public async Task<Silo> RestartSiloAsync(Silo silo)
    {
        await StopSiloAsync(silo);
        return await StartAdditionalSiloAsync();
    }

    /// <summary>Waits until every running silo and the client see exactly the running silos as active.</summary>
    public async Task WaitForLivenessToStabilizeAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var silos = Silos.Where(s => !s.Stopped.IsCompleted).ToList();
            var expected = silos.Select(s => s.SiloAddress).OrderBy(a => a).ToList();
            var views = silos.Select(s => s.Client.ActiveSilos).ToList();
            if (Client is not null)
            {
                views.Add(Client.ActiveSilos);
            }

            if (views.All(v => v.OrderBy(a => a).SequenceEqual(expected)))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"Membership did not stabilise: expected [{string.Join(", ", expected)}], views: " +
                    string.Join(" | ", views.Select(v => string.Join(", ", v))));
            }

            if (Client is not null)
            {
                await Client.RefreshClusterViewAsync();
            }

            await Task.Delay(50);
        }
    }

    public Silo SiloAt(SiloAddress address) => Silos.Single(s => s.SiloAddress.Equals(address));

    /// <summary>The running silo that owns the grain in a stable cluster (where it is, or will be, activated).</summary>
    public Silo OwnerOf(GrainId grainId) =>
        SiloAt(new Runtime.Cluster.PlacementRing(Silos.Select(s => s.SiloAddress)).GetOwner(grainId)!);

    public async ValueTask DisposeAsync()
    {
        if (Client is not null)
        {
            await Client.DisposeAsync();
        }

        foreach (var silo in Silos)
        {
            await silo.KillAsync();
        }
    }

    private void Remove(Silo silo)
    {
        lock (_silos)
        {
            _silos.Remove(silo);
        }
    }

    private ILoggerFactory CreateLoggerFactory(string name) =>
        LoggerFactory.Create(b => b.SetMinimumLevel(_options.MinimumLogLevel).AddSimpleConsole(o => o.TimestampFormat = $"HH:mm:ss.fff [{name}] "));
}
