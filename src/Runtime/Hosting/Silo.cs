using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParkingGrains.Runtime.Cluster;
using ParkingGrains.Runtime.Core;
using ParkingGrains.Runtime.Membership;
using ParkingGrains.Runtime.Messaging;
using ParkingGrains.Runtime.Reminders;

namespace ParkingGrains.Runtime.Hosting;

/// <summary>
/// One silo: listeners for silos and clients, the catalog of activations, membership, reminders and idle
/// collection. <see cref="StopAsync"/> leaves gracefully (grains deactivate and write state, membership says
/// Dead); <see cref="KillAsync"/> simulates a crash for tests.
/// </summary>
public sealed class Silo : IAsyncDisposable
{
    private readonly SiloOptions _options;
    private readonly IServiceProvider _services;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly List<IConnectionListener> _listeners = [];
    private readonly SemaphoreSlim _topologyLock = new(1, 1);
    private SiloRuntime? _runtime;
    private MembershipAgent? _membership;
    private ReminderService? _reminders;
    private ITimer? _collector;
    private int _stopping;

    public Silo(SiloOptions options, IServiceProvider services)
    {
        _options = options;
        _services = services;
        _loggerFactory = services.GetRequiredService<ILoggerFactory>();
        _logger = _loggerFactory.CreateLogger($"ParkingGrains.Silo[{options.SiloName}]");
    }

    public SiloAddress SiloAddress => Runtime.SiloAddress;

    /// <summary>Where clients connect; null when the gateway is disabled.</summary>
    public IPEndPoint? GatewayEndpoint { get; private set; }

    public string Name => _options.SiloName;

    /// <summary>Calls grains from inside the silo's process (a co-hosted web host uses this).</summary>
    public IClusterClient Client => Runtime.Client;

    /// <summary>Completes when the silo stopped for any reason: stopped, killed, or declared dead by the cluster.</summary>
    public Task Stopped => _stopped.Task;

    /// <summary>True when the cluster declared this silo dead and it stopped itself.</summary>
    public bool WasDeclaredDead { get; private set; }

    public int ActivationCount => Runtime.Catalog.Count;

    internal SiloRuntime Runtime => _runtime ?? throw new InvalidOperationException("The silo is not started.");

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var interfaces = new GrainInterfaceRegistry();
        var manifest = GrainTypeManifest.FromAssemblies(_options.GrainAssemblies, interfaces);
        var runtime = new SiloRuntime(_options, _services, _logger, interfaces, manifest, _services.GetServices<IIncomingGrainCallFilter>());
        var client = new SiloRuntimeClient(runtime, _services.GetServices<IOutgoingGrainCallFilter>());
        runtime.Client = client;
        _runtime = runtime;

        var transport = new TcpTransport(_loggerFactory);
        client.Initialize(transport);
        var listenAddress = _options.ListenAddress ?? _options.AdvertisedAddress;
        var siloListener = await transport.BindAsync(new IPEndPoint(listenAddress, _options.SiloPort), cancellationToken);
        _listeners.Add(siloListener);
        var siloPort = ((IPEndPoint)siloListener.EndPoint).Port;
        runtime.SiloAddress = SiloAddress.New(new IPEndPoint(_options.AdvertisedAddress, siloPort));
        _ = AcceptLoopAsync(siloListener, ConnectionRole.Silo);

        if (_options.GatewayPort >= 0)
        {
            var gatewayListener = await transport.BindAsync(new IPEndPoint(listenAddress, _options.GatewayPort), cancellationToken);
            _listeners.Add(gatewayListener);
            GatewayEndpoint = new IPEndPoint(_options.AdvertisedAddress, ((IPEndPoint)gatewayListener.EndPoint).Port);
            _ = AcceptLoopAsync(gatewayListener, ConnectionRole.Client);
        }

        _reminders = new ReminderService(_services.GetRequiredService<IReminderTable>(), runtime, _services.GetService<TimeProvider>() ?? TimeProvider.System);
        runtime.Reminders = _reminders;

        await JoinClusterAsync(client, cancellationToken);
        await _reminders.StartAsync(cancellationToken);
        _collector = TimeProvider.System.CreateTimer(_ => runtime.Catalog.DeactivateIdle(_options.CollectionAge), null, _options.CollectionQuantum, _options.CollectionQuantum);
        _logger.LogInformation("Silo {Silo} is active (gateway {Gateway})", runtime.SiloAddress, GatewayEndpoint?.ToString() ?? "disabled");
    }

    /// <summary>Graceful shutdown: hand grains over, let them write their state, leave membership, close connections.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopping, 1) != 0 || _runtime is null)
        {
            await _stopped.Task;
            return;
        }

        _logger.LogInformation("Silo {Silo} is shutting down", _runtime.SiloAddress);
        _runtime.Client.BeginLeaving();
        await _runtime.Catalog.DeactivateAllAsync(_options.ShutdownTimeout);
        if (_reminders is not null)
        {
            await _reminders.DisposeAsync();
        }

        if (_membership is not null)
        {
            try
            {
                await _membership.LeaveAsync(cancellationToken);
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "Leaving the membership table failed; the cluster will detect the silo as dead");
            }
        }

        await ShutdownTransportAsync();
        _stopped.TrySetResult();
    }

    /// <summary>A crash, for tests: nothing is written, connections drop, activations vanish.</summary>
    public async Task KillAsync()
    {
        if (Interlocked.Exchange(ref _stopping, 1) != 0 || _runtime is null)
        {
            return;
        }

        _logger.LogWarning("Silo {Silo} killed", _runtime.SiloAddress);
        _runtime.IsKilled = true;
        _membership?.Abort();
        if (_reminders is not null)
        {
            await _reminders.DisposeAsync();
        }

        _runtime.Catalog.KillAll();
        await ShutdownTransportAsync();
        _stopped.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _stopping) == 0 && _runtime is not null)
        {
            await StopAsync();
        }

        _lifetime.Dispose();
    }

    private async Task JoinClusterAsync(SiloRuntimeClient client, CancellationToken cancellationToken)
    {
        var table = _services.GetRequiredService<IMembershipTable>();
        await table.InitializeAsync(cancellationToken);
        var membershipOptions = _services.GetService<ClusterMembershipOptions>() ?? new ClusterMembershipOptions();
        _membership = new MembershipAgent(
            new LocalSiloDetails(Runtime.SiloAddress, GatewayEndpoint?.Port ?? 0, _options.SiloName, Environment.MachineName),
            table,
            client,
            membershipOptions,
            _services.GetService<TimeProvider>() ?? TimeProvider.System,
            _loggerFactory.CreateLogger<MembershipAgent>());
        var membership = _membership;
        client.GossipReceived = () => RefreshSoon(membership);
        client.TopologySuspect = _ => RefreshSoon(membership);
        _membership.MembershipChanged += (_, snapshot) => _ = ApplyMembershipAsync(snapshot);
        _ = _membership.DeclaredDead.ContinueWith(_ => OnDeclaredDeadAsync(), TaskScheduler.Default);
        await _membership.JoinAsync(cancellationToken);
        await ApplyMembershipAsync(_membership.Current);
    }

    // Gossip and unreachable silos ask for an early read of the table; the agent logs its own failures.
    private static void RefreshSoon(MembershipAgent membership) => _ = membership.RefreshAsync();

    private async Task ApplyMembershipAsync(ClusterMembershipSnapshot snapshot)
    {
        if (_runtime is not { } runtime || runtime.IsKilled)
        {
            return;
        }

        await _topologyLock.WaitAsync();
        try
        {
            var gatewayPorts = snapshot.ActiveSilos.ToDictionary(m => m.SiloAddress, m => m.GatewayPort);
            var members = snapshot.Silos.ToDictionary(s => s.Key, s => (s.Value, gatewayPorts.GetValueOrDefault(s.Key)));
            var topology = new ClusterTopology(snapshot.Version, members);
            if (topology.Version < runtime.Client.Topology.Version)
            {
                return;
            }

            var newlyDead = runtime.Client.SetTopology(topology);
            foreach (var dead in newlyDead)
            {
                _logger.LogInformation("Silo {Dead} is dead; its grains move to the remaining silos", dead);
                await runtime.Client.Connections.CloseAsync(dead);
                runtime.Client.FailCallsTo(dead, $"Silo {dead} was declared dead.");
            }

            // Grains whose owner moved elsewhere deactivate here, so a stable cluster has one activation per grain.
            runtime.Catalog.DeactivateWhere(id => runtime.Client.OwnerOf(id)?.Equals(runtime.SiloAddress) == false, DeactivationReason.OwnershipChanged);
            if (_reminders is not null)
            {
                _ = _reminders.RefreshAsync();
            }
        }
        finally
        {
            _topologyLock.Release();
        }
    }

    private async Task OnDeclaredDeadAsync()
    {
        if (Volatile.Read(ref _stopping) != 0)
        {
            return;
        }

        WasDeclaredDead = true;
        _logger.LogError("Silo {Silo} was declared dead by the cluster; stopping without rejoining", _runtime?.SiloAddress);
        await KillAsync();
    }

    private async Task AcceptLoopAsync(IConnectionListener listener, ConnectionRole role)
    {
        var runtime = Runtime;
        while (!_lifetime.IsCancellationRequested)
        {
            ConnectionContext? context;
            try
            {
                context = await listener.AcceptAsync(_lifetime.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "Accepting a connection failed");
                continue;
            }

            if (context is null)
            {
                return;
            }

            var connection = new Connection(context, isOutbound: false, runtime.Client, _logger, _options.MaxMessageSize) { RemoteRole = role };
            runtime.Client.TrackInbound(connection);
            _ = connection.RunAsync();
            _ = CloseIfSilentAsync(connection);
        }
    }

    // A peer that never completes the handshake (a port scanner, garbage) does not keep a connection open.
    private async Task CloseIfSilentAsync(Connection connection)
    {
        await Task.WhenAny(connection.Closed, Task.Delay(_options.ConnectTimeout));
        if (!connection.IsEstablished && !connection.IsClosed)
        {
            _logger.LogWarning("Closing connection from {Remote}: no handshake within {Timeout}", connection.RemoteEndPoint, _options.ConnectTimeout);
            await connection.CloseAsync();
        }
    }

    private async Task ShutdownTransportAsync()
    {
        _collector?.Dispose();
        _lifetime.Cancel();
        foreach (var listener in _listeners)
        {
            try
            {
                await listener.UnbindAsync();
                await listener.DisposeAsync();
            }
            catch (Exception ex)
            {
                _logger.LogDebug(ex, "Closing a listener");
            }
        }

        if (_runtime is not null)
        {
            await _runtime.Client.CloseAllConnectionsAsync();
            _runtime.Client.Dispose();
        }
    }
}
