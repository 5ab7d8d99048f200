using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ParkingGrains.Runtime.Messaging;

namespace ParkingGrains.Runtime.Cluster;

/// <summary>One outgoing connection per remote silo (or gateway), created on first use and shared by all calls.</summary>
internal sealed class SiloConnectionManager(
    TcpTransport transport,
    IFrameHandler handler,
    MessageCodec codec,
    ConnectionRole localRole,
    string clusterId,
    Func<string> localId,
    TimeSpan connectTimeout,
    ILogger logger)
{
    private readonly ConcurrentDictionary<SiloAddress, Lazy<Task<Connection>>> _connections = new();
    private readonly CancellationTokenSource _shutdown = new();

    /// <summary>An established connection to the silo at <paramref name="endpoint"/> that must be exactly <paramref name="silo"/>.</summary>
    public Task<Connection> GetAsync(SiloAddress silo, System.Net.IPEndPoint endpoint)
    {
        var lazy = _connections.GetOrAdd(silo, s => new Lazy<Task<Connection>>(() => ConnectAsync(s, endpoint)));
        var task = lazy.Value;
        if (task.IsCompletedSuccessfully && task.Result.IsClosed)
        {
            _connections.TryRemove(new KeyValuePair<SiloAddress, Lazy<Task<Connection>>>(silo, lazy));
            return GetAsync(silo, endpoint);
        }

        if (task.IsFaulted || task.IsCanceled)
        {
            _connections.TryRemove(new KeyValuePair<SiloAddress, Lazy<Task<Connection>>>(silo, lazy));
        }

        return task;
    }

    public bool TryGetEstablished(SiloAddress silo, out Connection connection)
    {
        if (_connections.TryGetValue(silo, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully && !lazy.Value.Result.IsClosed)
        {
            connection = lazy.Value.Result;
            return true;
        }

        connection = null!;
        return false;
    }

    public IEnumerable<Connection> Established =>
        _connections.Values.Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully).Select(l => l.Value.Result);

    public void Remove(Connection connection)
    {
        if (connection.RemoteSilo is { } silo && _connections.TryGetValue(silo, out var lazy)
            && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully && ReferenceEquals(lazy.Value.Result, connection))
        {
            _connections.TryRemove(new KeyValuePair<SiloAddress, Lazy<Task<Connection>>>(silo, lazy));
        }
    }

    public async Task CloseAsync(SiloAddress silo)
    {
        if (_connections.TryRemove(silo, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
        {
            await lazy.Value.Result.CloseAsync();
        }
    }

    public async Task CloseAllAsync()
    {
        _shutdown.Cancel();
        var all = _connections.Values.Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully).Select(l => l.Value.Result).ToList();
        _connections.Clear();
        await Task.WhenAll(all.Select(c => c.CloseAsync()));
    }

    private async Task<Connection> ConnectAsync(SiloAddress silo, System.Net.IPEndPoint endpoint)
    {
        var context = await transport.ConnectAsync(endpoint, connectTimeout, _shutdown.Token);
        var connection = new Connection(context, isOutbound: true, handler, logger, codec.MaxMessageSize)
        {
            RemoteSilo = silo,
            RemoteRole = ConnectionRole.Silo,
            Handshake = new TaskCompletionSource<HelloAck>(TaskCreationOptions.RunContinuationsAsynchronously),
        };
        _ = connection.RunAsync();
        connection.TrySend(codec.EncodeHello(localRole, clusterId, localId()));
        try
        {
            var ack = await connection.Handshake.Task.WaitAsync(connectTimeout);
            if (!ack.Silo.Equals(silo))
            {
                // The endpoint now hosts another generation: the silo we wanted is gone for good.
                throw new InvalidOperationException($"{endpoint} is now silo {ack.Silo}, not {silo}.");
            }

            return connection;
        }
        catch
        {
            await connection.CloseAsync();
            throw;
        }
    }
}
