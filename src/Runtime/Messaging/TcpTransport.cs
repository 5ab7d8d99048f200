using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ParkingGrains.Runtime.Messaging;

/// <summary>Kestrel's socket transport for listening and for outgoing connections: pooled buffers and pipes, no HTTP.</summary>
internal sealed class TcpTransport(ILoggerFactory loggerFactory)
{
    private readonly SocketTransportFactory _listenerFactory = new(Options.Create(new SocketTransportOptions { NoDelay = true }), loggerFactory);
    private readonly SocketConnectionContextFactory _connectionFactory = new(new SocketConnectionFactoryOptions(), loggerFactory.CreateLogger<SocketConnectionContextFactory>());

    public async Task<IConnectionListener> BindAsync(IPEndPoint endpoint, CancellationToken cancellationToken) =>
        await _listenerFactory.BindAsync(endpoint, cancellationToken);

    public async Task<ConnectionContext> ConnectAsync(IPEndPoint endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            await socket.ConnectAsync(endpoint, cts.Token);
            return _connectionFactory.Create(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
