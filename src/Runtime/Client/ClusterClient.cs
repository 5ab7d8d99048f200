using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ParkingGrains.Runtime.Cluster;
using ParkingGrains.Runtime.Core;
using ParkingGrains.Runtime.Membership;
using ParkingGrains.Runtime.Messaging;

namespace ParkingGrains.Runtime.Client;

/// <summary>
/// A connection to the cluster from outside (web host, gate agent, tests). It bootstraps from any gateway, learns
/// the membership view and the interface→grain-type manifest, and sends each call straight to the silo that owns
/// the grain. Calls that are safe to resend are retried across a silo's death until the response timeout.
/// </summary>
public sealed class ClusterClient : IClusterClient, IAsyncDisposable
{
    private readonly ClientRuntime _runtime;

    public ClusterClient(ClusterClientOptions options, ILoggerFactory? loggerFactory = null)
    {
        if (options.Gateways.Count == 0)
        {
            throw new ArgumentException("At least one gateway endpoint is required.", nameof(options));
        }

        _runtime = new ClientRuntime(options, loggerFactory ?? NullLoggerFactory.Instance);
    }

    public string ClientId => _runtime.ClientId;

    public IReadOnlyList<SiloAddress> ActiveSilos => _runtime.Topology.ActiveSilos;

    public Task ConnectAsync(CancellationToken cancellationToken = default) => _runtime.ConnectAsync(cancellationToken);

    /// <summary>Asks a gateway for the membership view now instead of waiting for the periodic refresh.</summary>
    public Task RefreshClusterViewAsync() => _runtime.RefreshViewAsync();

    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey => _runtime.GetGrain<TGrainInterface>(key);

    public TObserver CreateObjectReference<TObserver>(IGrainObserver observer)
        where TObserver : IGrainObserver => _runtime.CreateObjectReference<TObserver>(observer);

    public void DeleteObjectReference<TObserver>(IGrainObserver observer)
        where TObserver : IGrainObserver => _runtime.DeleteObjectReference<TObserver>(observer);

    public ValueTask DisposeAsync() => _runtime.DisposeAsync();

    private sealed class ClientRuntime : RuntimeClientBase, IFrameHandler, IAsyncDisposable
    {
        private readonly ClusterClientOptions _options;
        private readonly TcpTransport _transport;
        private readonly SiloConnectionManager _connections;
        private readonly ConcurrentDictionary<long, TaskCompletionSource<ClusterView>> _viewRequests = new();
        private readonly CancellationTokenSource _disposed = new();
        private readonly SemaphoreSlim _refreshing = new(1, 1);

        // Configured gateways plus every gateway seen in a view: if all connections drop, any of them may still be up.
        private readonly ConcurrentDictionary<IPEndPoint, bool> _knownGateways = new();
        private volatile ClusterTopology _topology = ClusterTopology.Empty;
        private GrainTypeManifest _manifest = new(new Dictionary<int, string>());
        private long _requestId;
        private Task? _refreshLoop;

        public ClientRuntime(ClusterClientOptions options, ILoggerFactory loggerFactory)
            : base(new GrainInterfaceRegistry(), options.ResponseTimeout, options.MaxMessageSize, [], loggerFactory.CreateLogger<ClusterClient>())
        {
            _options = options;
            foreach (var gateway in options.Gateways)
            {
                _knownGateways[gateway] = true;
            }

            ClientId = Guid.NewGuid().ToString("N");
            _transport = new TcpTransport(loggerFactory);
            _connections = new SiloConnectionManager(_transport, this, Codec, ConnectionRole.Client, options.ClusterId, () => ClientId, options.ConnectTimeout, Logger);
            foreach (var type in options.InterfaceAssemblies.SelectMany(a => a.GetTypes()).Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t) && !GrainInterfaceRegistry.IsMarker(t)))
            {
                Interfaces.Register(type);
            }
        }

        public string ClientId { get; }

        public ClusterTopology Topology => _topology;

        public override string LocalEndpointId => $"c.{ClientId}";

        public override SiloConnectionManager Connections => _connections;

        protected override GrainTypeManifest Manifest => _manifest;

        public async Task ConnectAsync(CancellationToken cancellationToken)
        {
            Exception? last = null;
            for (var attempt = 0; attempt < 3 && _topology.Ring.IsEmpty; attempt++)
            {
                foreach (var gateway in _options.Gateways)
                {
                    try
                    {
                        await BootstrapAsync(gateway, cancellationToken);
                        break;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        last = ex;
                        Logger.LogWarning("Gateway {Gateway} not reachable: {Reason}", gateway, ex.Message);
                    }
                }

                if (_topology.Ring.IsEmpty)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
                }
            }

            if (_topology.Ring.IsEmpty)
            {
                throw new SiloUnavailableException(
                    $"Could not connect to the cluster '{_options.ClusterId}' through {string.Join(", ", _options.Gateways)}: {last?.Message}",
                    messageWasSent: false,
                    last);
            }

            _refreshLoop = RefreshLoopAsync();
        }

        public async Task RefreshViewAsync()
        {
            if (!await _refreshing.WaitAsync(0))
            {
                return;
            }

            try
            {
                foreach (var connection in _connections.Established.Where(c => !c.IsClosed).ToList())
                {
                    try
                    {
                        Apply(await RequestViewAsync(connection));
                        return;
                    }
                    catch (Exception ex)
                    {
                        Logger.LogDebug("Cluster view from {Silo} failed: {Reason}", connection.RemoteSilo, ex.Message);
                    }
                }

                // No live connection answered: start again from every gateway ever known.
                foreach (var gateway in _knownGateways.Keys.ToList())
                {
                    try
                    {
                        await BootstrapAsync(gateway, _disposed.Token);
                        return;
                    }
                    catch (Exception ex)
                    {
                        Logger.LogDebug("Gateway {Gateway} not reachable: {Reason}", gateway, ex.Message);
                    }
                }
            }
            finally
            {
                _refreshing.Release();
            }
        }

        public override void Route(Message message)
        {
            if (IsObserver(message.Target) && ObserverEndpoint(message.Target) == LocalEndpointId)
            {
                DeliverToLocalObserver(message);
                return;
            }

            var owner = _topology.Ring.GetOwner(message.Target);
            if (owner is null)
            {
                OnUndeliverable(message, new SiloUnavailableException("The client knows no active silo.", messageWasSent: false));
                return;
            }

            SendToSilo(owner, message);
        }

        public void OnFrame(Connection connection, FrameKind kind, ReadOnlySpan<byte> payload)
        {
            switch (kind)
            {
                case FrameKind.HelloAck:
                    var ack = Codec.DecodeHelloAck(payload);
                    connection.IsEstablished = true;
                    connection.ResponseTarget = new ConnectionResponseTarget(connection, Codec);
                    if (ack.Manifest.Count > 0)
                    {
                        _manifest = new GrainTypeManifest(ack.Manifest);
                    }

                    connection.Handshake?.TrySetResult(ack);
                    break;
                case FrameKind.Request:
                    var decoded = Codec.DecodeRequest(payload);
                    if (decoded.Message is { } message)
                    {
                        message.ResponseTarget = decoded.IsOneWay ? null : connection.ResponseTarget;
                        DeliverToLocalObserver(message);
                    }
                    else if (!decoded.IsOneWay)
                    {
                        connection.TrySend(Codec.EncodeError(decoded.Id, decoded.Error!));
                    }

                    break;
                case FrameKind.Response:
                    HandleResponse(payload);
                    break;
                case FrameKind.ClusterViewResponse:
                    if (_viewRequests.TryRemove(MessageCodec.ReadId(payload), out var request))
                    {
                        request.TrySetResult(Codec.DecodeClusterView(payload));
                    }

                    break;
                case FrameKind.Ping:
                    connection.TrySend(Codec.EncodeControl(FrameKind.Pong, MessageCodec.ReadId(payload)));
                    break;
                case FrameKind.Gossip:
                    _ = RefreshViewAsync();
                    break;
                default:
                    throw new ProtocolException($"Unexpected frame kind {(byte)kind} from a gateway.");
            }
        }

        public void OnClosed(Connection connection)
        {
            _connections.Remove(connection);
            if (connection.RemoteSilo is { } silo)
            {
                FailCallsSentOn(connection, $"The connection to gateway {silo} was lost.");
            }
        }

        public async ValueTask DisposeAsync()
        {
            _disposed.Cancel();
            if (_refreshLoop is not null)
            {
                await _refreshLoop.ContinueWith(static _ => { }, TaskScheduler.Default);
            }

            await _connections.CloseAllAsync();
            Dispose();
        }

        protected override IPEndPoint EndpointOf(SiloAddress silo) =>
            _topology.Members.TryGetValue(silo, out var member) && member.GatewayPort > 0
                ? new IPEndPoint(silo.Endpoint.Address, member.GatewayPort)
                : throw new InvalidOperationException($"Silo {silo} has no gateway.");

        protected override void OnTopologySuspect(SiloAddress? silo) => _ = RefreshViewAsync();

        private async Task BootstrapAsync(IPEndPoint gateway, CancellationToken cancellationToken)
        {
            var context = await _transport.ConnectAsync(gateway, _options.ConnectTimeout, cancellationToken);
            var connection = new Connection(context, isOutbound: true, this, Logger, Codec.MaxMessageSize)
            {
                RemoteRole = ConnectionRole.Silo,
                Handshake = new TaskCompletionSource<HelloAck>(TaskCreationOptions.RunContinuationsAsynchronously),
            };
            _ = connection.RunAsync();
            try
            {
                connection.TrySend(Codec.EncodeHello(ConnectionRole.Client, _options.ClusterId, ClientId));
                // Only the view is read here; no call ever goes out on a bootstrap connection.
                await connection.Handshake.Task.WaitAsync(_options.ConnectTimeout, cancellationToken);
                Apply(await RequestViewAsync(connection));
            }
            finally
            {
                // The bootstrap connection only served to learn the cluster; calls use the managed connections.
                await connection.CloseAsync();
            }
        }

        private async Task<ClusterView> RequestViewAsync(Connection connection)
        {
            var id = Interlocked.Increment(ref _requestId);
            var response = new TaskCompletionSource<ClusterView>(TaskCreationOptions.RunContinuationsAsynchronously);
            _viewRequests[id] = response;
            try
            {
                connection.TrySend(Codec.EncodeControl(FrameKind.ClusterViewRequest, id));
                return await response.Task.WaitAsync(_options.ConnectTimeout);
            }
            finally
            {
                _viewRequests.TryRemove(id, out _);
            }
        }

        private void Apply(ClusterView view)
        {
            var members = new Dictionary<SiloAddress, (SiloStatus, int)>();
            foreach (var member in view.Members)
            {
                members[SiloAddress.Parse(member.Silo)] = (member.Status, member.GatewayPort);
            }

            var topology = new ClusterTopology(view.Version, members);
            var previous = _topology;
            if (topology.HasSameMembersAs(previous))
            {
                return;
            }

            _topology = topology;
            foreach (var (silo, member) in topology.Members)
            {
                if (member.Status == SiloStatus.Dead && !previous.IsDead(silo))
                {
                    _ = _connections.CloseAsync(silo);
                    FailCallsTo(silo, $"Silo {silo} was declared dead.");
                }
                else if (member.Status == SiloStatus.Active && member.GatewayPort > 0)
                {
                    _knownGateways[EndpointOf(silo)] = true;
                    // Connect to every gateway up front: calls go straight to owners, and observers get pushes from any silo.
                    _ = _connections.GetAsync(silo, EndpointOf(silo)).ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
                }
            }
        }

        private async Task RefreshLoopAsync()
        {
            using var timer = new PeriodicTimer(_options.ViewRefreshPeriod);
            try
            {
                while (await timer.WaitForNextTickAsync(_disposed.Token))
                {
                    await RefreshViewAsync();
                }
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
