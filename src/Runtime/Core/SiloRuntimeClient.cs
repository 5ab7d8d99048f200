using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ParkingGrains.Runtime.Cluster;
using ParkingGrains.Runtime.Membership;
using ParkingGrains.Runtime.Messaging;

namespace ParkingGrains.Runtime.Core;

/// <summary>
/// A silo's router and frame handler: local calls go straight to the catalog, others to the owning silo over one
/// shared connection; requests from peers and clients are served when this silo owns the grain, else forwarded.
/// It also answers pings, gossip and clients' cluster-view requests, and is the membership agent's probe channel.
/// </summary>
internal sealed class SiloRuntimeClient : RuntimeClientBase, IFrameHandler, IClusterPeerChannel, IClusterClient
{
    private readonly SiloRuntime _runtime;
    private readonly ConcurrentDictionary<string, Connection> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _probes = new();
    private readonly HashSet<Connection> _inbound = [];
    private long _probeId;
    private volatile ClusterTopology _topology = ClusterTopology.Empty;
    private volatile PlacementRing _routingRing = PlacementRing.Empty;
    private volatile bool _leaving;
    private SiloConnectionManager? _connections;

    public SiloRuntimeClient(SiloRuntime runtime, IEnumerable<IOutgoingGrainCallFilter> outgoingFilters)
        : base(runtime.Interfaces, runtime.Options.ResponseTimeout, runtime.Options.MaxMessageSize, outgoingFilters, runtime.Logger)
    {
        _runtime = runtime;
    }

    public override string LocalEndpointId => $"s.{_runtime.SiloAddress}";

    public ClusterTopology Topology => _topology;

    public IReadOnlyList<SiloAddress> ActiveSilos => _topology.ActiveSilos;

    public override SiloConnectionManager Connections => _connections ?? throw new InvalidOperationException("The silo is not started.");

    /// <summary>Raised when a call found a silo unreachable, so membership can be re-read early.</summary>
    public Action<SiloAddress>? TopologySuspect { get; set; }

    protected override GrainTypeManifest Manifest => _runtime.Manifest;

    public void Initialize(TcpTransport transport)
    {
        _connections = new SiloConnectionManager(
            transport, this, Codec, ConnectionRole.Silo, _runtime.Options.ClusterId, () => _runtime.SiloAddress.ToString(),
            _runtime.Options.ConnectTimeout, _runtime.Logger);
    }

    /// <summary>From now on this silo owns nothing: route everything to the others (graceful shutdown).</summary>
    public void BeginLeaving()
    {
        _leaving = true;
        _routingRing = RoutingRingFor(_topology);
    }

    /// <summary>Installs a new membership view; returns the silos it newly declares dead.</summary>
    public IReadOnlyList<SiloAddress> SetTopology(ClusterTopology topology)
    {
        var previous = _topology;
        _topology = topology;
        _routingRing = RoutingRingFor(topology);
        return previous.Members.Keys.Where(s => topology.IsDead(s) && !previous.IsDead(s)).ToList();
    }

    /// <summary>The silo that should host the grain; this silo while no view exists yet, never this silo once leaving.</summary>
    public SiloAddress? OwnerOf(GrainId grainId)
    {
        var ring = _routingRing;
        return ring.IsEmpty && !_leaving ? _runtime.SiloAddress : ring.GetOwner(grainId);
    }

    public override void Route(Message message)
    {
        if (IsObserver(message.Target))
        {
            RouteToObserver(message);
            return;
        }

        var owner = OwnerOf(message.Target);
        if (owner is null)
        {
            OnUndeliverable(message, new SiloUnavailableException("No active silo can take the call.", messageWasSent: false));
        }
        else if (owner.Equals(_runtime.SiloAddress))
        {
            DeliverLocally(message);
        }
        else
        {
            SendToSilo(owner, message);
        }
    }

    public void OnFrame(Connection connection, FrameKind kind, ReadOnlySpan<byte> payload)
    {
        switch (kind)
        {
            case FrameKind.Hello:
                AcceptHello(connection, MessageCodec.DecodeHello(payload));
                break;
            case FrameKind.HelloAck:
                if (!connection.IsOutbound)
                {
                    throw new ProtocolException("Unexpected handshake acknowledgement.");
                }

                var ack = Codec.DecodeHelloAck(payload);
                connection.IsEstablished = true;
                connection.ResponseTarget = new ConnectionResponseTarget(connection, Codec);
                connection.Handshake?.TrySetResult(ack);
                break;
            case FrameKind.Request:
                OnIncomingRequest(connection, Codec.DecodeRequest(payload));
                break;
            case FrameKind.Response:
                HandleResponse(payload);
                break;
            case FrameKind.Ping:
                connection.TrySend(Codec.EncodeControl(FrameKind.Pong, MessageCodec.ReadId(payload)));
                break;
            case FrameKind.Pong:
                if (_probes.TryRemove(MessageCodec.ReadId(payload), out var probe))
                {
                    probe.TrySetResult();
                }

                break;
            case FrameKind.Gossip:
                GossipReceived?.Invoke();
                break;
            case FrameKind.ClusterViewRequest:
                connection.TrySend(Codec.EncodeClusterView(MessageCodec.ReadId(payload), CreateClusterView()));
                break;
            default:
                throw new ProtocolException($"Unknown frame kind {(byte)kind}.");
        }
    }

    /// <summary>Raised when a peer says the membership table changed.</summary>
    public Action? GossipReceived { get; set; }

    public void OnClosed(Connection connection)
    {
        lock (_inbound)
        {
            _inbound.Remove(connection);
        }

        // A client can have two connections here for a moment (a bootstrap connection next to its managed one), and
        // the one registered last may close first: pushes to its observers then go over another that is still open.
        if (connection.RemoteClientId is { } clientId && _clients.TryRemove(new KeyValuePair<string, Connection>(clientId, connection)))
        {
            Connection? other;
            lock (_inbound)
            {
                other = _inbound.FirstOrDefault(c => c.RemoteClientId == clientId && c.IsEstablished && !c.IsClosed);
            }

            if (other is not null)
            {
                _clients.TryAdd(clientId, other);
            }
        }

        if (connection.IsOutbound && connection.RemoteSilo is { } silo)
        {
            _connections?.Remove(connection);
            FailCallsSentOn(connection, $"The connection to silo {silo} was lost.");
        }
    }

    public void TrackInbound(Connection connection)
    {
        lock (_inbound)
        {
            _inbound.Add(connection);
        }
    }

    public async Task CloseAllConnectionsAsync()
    {
        List<Connection> inbound;
        lock (_inbound)
        {
            inbound = [.. _inbound];
        }

        await Task.WhenAll(inbound.Select(c => c.CloseAsync()));
        if (_connections is not null)
        {
            await _connections.CloseAllAsync();
        }
    }

    public async Task ProbeAsync(SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var connection = await Connections.GetAsync(target, target.Endpoint).WaitAsync(timeout, cancellationToken);
        var id = Interlocked.Increment(ref _probeId);
        var pong = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _probes[id] = pong;
        try
        {
            if (!connection.TrySend(Codec.EncodeControl(FrameKind.Ping, id)))
            {
                throw new IOException($"Connection to {target} is closed.");
            }

            await pong.Task.WaitAsync(timeout, cancellationToken);
        }
        finally
        {
            _probes.TryRemove(id, out _);
        }
    }

    public async Task GossipAsync(SiloAddress target, CancellationToken cancellationToken)
    {
        var connection = await Connections.GetAsync(target, target.Endpoint).WaitAsync(_runtime.Options.ConnectTimeout, cancellationToken);
        connection.TrySend(Codec.EncodeControl(FrameKind.Gossip, 0));
    }

    protected override void OnTopologySuspect(SiloAddress? silo)
    {
        if (silo is not null)
        {
            TopologySuspect?.Invoke(silo);
        }
    }

    private PlacementRing RoutingRingFor(ClusterTopology topology) =>
        _leaving ? new PlacementRing(topology.ActiveSilos.Where(s => !s.Equals(_runtime.SiloAddress))) : topology.Ring;

    private void AcceptHello(Connection connection, Hello hello)
    {
        if (connection.IsOutbound || connection.IsEstablished)
        {
            throw new ProtocolException("Unexpected handshake.");
        }

        if (hello.ClusterId != _runtime.Options.ClusterId)
        {
            throw new ProtocolException($"Peer belongs to cluster '{hello.ClusterId}', not '{_runtime.Options.ClusterId}'.");
        }

        if (hello.Role != connection.RemoteRole)
        {
            throw new ProtocolException($"A {hello.Role} connected to the {connection.RemoteRole} port.");
        }

        if (hello.Role == ConnectionRole.Silo)
        {
            SiloAddress sender;
            try
            {
                sender = SiloAddress.Parse(hello.SenderId);
            }
            catch (FormatException ex)
            {
                throw new ProtocolException(ex.Message);
            }

            if (_topology.IsDead(sender))
            {
                throw new ProtocolException($"Silo {sender} was declared dead and may not rejoin.");
            }

            connection.RemoteSilo = sender;
        }
        else
        {
            connection.RemoteClientId = hello.SenderId;
            _clients[hello.SenderId] = connection;
        }

        connection.IsEstablished = true;
        connection.ResponseTarget = new ConnectionResponseTarget(connection, Codec);
        var manifest = hello.Role == ConnectionRole.Client ? Manifest.GrainTypeByInterface : new Dictionary<int, string>();
        connection.TrySend(Codec.EncodeHelloAck(_runtime.SiloAddress, manifest));
    }

    private void OnIncomingRequest(Connection connection, DecodedRequest decoded)
    {
        if (decoded.Message is not { } message)
        {
            if (!decoded.IsOneWay)
            {
                connection.TrySend(Codec.EncodeError(decoded.Id, decoded.Error!));
            }

            return;
        }

        message.ResponseTarget = decoded.IsOneWay ? null : connection.ResponseTarget;
        if (_runtime.IsKilled)
        {
            return;
        }

        if (IsObserver(message.Target))
        {
            RouteToObserver(message);
            return;
        }

        var owner = OwnerOf(message.Target);
        if (owner is not null && owner.Equals(_runtime.SiloAddress))
        {
            DeliverLocally(message);
        }
        else if (owner is null || message.ForwardCount >= _runtime.Options.MaxForwardCount)
        {
            message.ResponseTarget?.OnException(message, new SiloUnavailableException(
                $"Silo {_runtime.SiloAddress} does not own {message.Target} and could not pass the call on; membership is changing.", messageWasSent: false));
        }
        else
        {
            Forward(message);
        }
    }

    private void DeliverLocally(Message message)
    {
        try
        {
            _runtime.Catalog.Deliver(message);
        }
        catch (Exception ex)
        {
            message.ResponseTarget?.OnException(message, ex);
        }
    }

    private void RouteToObserver(Message message)
    {
        var endpoint = ObserverEndpoint(message.Target);
        var originatedHere = message.ResponseTarget is null or PendingCall;
        if (endpoint == LocalEndpointId)
        {
            DeliverToLocalObserver(message);
        }
        else if (!originatedHere)
        {
            Forward(message);
        }
        else if (endpoint.StartsWith("c.", StringComparison.Ordinal) && _clients.TryGetValue(endpoint[2..], out var client))
        {
            SendOn(client, message);
        }
        else if (endpoint.StartsWith("s.", StringComparison.Ordinal))
        {
            SendToSilo(SiloAddress.Parse(endpoint[2..]), message);
        }
        else
        {
            message.ResponseTarget?.OnException(message, new SiloUnavailableException(
                $"Observer {message.Target} is not reachable from silo {_runtime.SiloAddress} (its client is not connected here).", messageWasSent: false));
        }
    }

    private ClusterView CreateClusterView() =>
        new(_topology.Version, _topology.Members.Select(m => new ClusterViewMember(m.Key.ToString(), m.Value.Status, m.Value.GatewayPort)).ToList());
}
