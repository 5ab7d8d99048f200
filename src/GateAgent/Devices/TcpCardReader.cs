using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ParkingGrains.GateAgent.Devices;

/// <summary>
/// Card ids as lines on a TCP port (a reader's serial-to-TCP bridge, or <c>nc</c> for a test): many lines per
/// connection, several connections (a bridge that reconnects gets a fresh one; at most
/// <see cref="CardReaderOptions.MaxConnections"/> at once), lines bounded and validated, reads debounced.
/// </summary>
public sealed class TcpCardReader(CardReaderOptions options, TimeProvider time, ILogger<TcpCardReader> logger) : ICardReader
{
    private readonly CardLineSink _sink = new(options, time, logger);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly HashSet<Task> _connections = [];
    private TcpListener? _listener;
    private Task _accepting = Task.CompletedTask;

    public ChannelReader<CardRead> Reads => _sink.Reads;

    /// <summary>The bound port (useful with port 0); 0 before <see cref="StartAsync"/>.</summary>
    public int Port => _listener is { } l ? ((IPEndPoint)l.LocalEndpoint).Port : 0;

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_listener is not null)
        {
            return Task.CompletedTask;
        }

        var listener = new TcpListener(IPAddress.Parse(options.ListenAddress), options.Port);
        listener.Start();
        _listener = listener;
        logger.LogInformation("Card reader listening on {Endpoint}", listener.LocalEndpoint);
        _accepting = AcceptAsync(listener, _stopping.Token);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        _listener?.Stop();
        await _accepting;
        Task[] open;
        lock (_lock)
        {
            open = [.. _connections];
        }

        await Task.WhenAll(open);
        _sink.Complete();
        _stopping.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException || stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException ex)
            {
                logger.LogWarning(ex, "Card reader: accepting a connection failed");
                continue;
            }

            lock (_lock)
            {
                if (_connections.Count >= options.MaxConnections)
                {
                    logger.LogWarning("Card reader: more than {Max} connections; one refused", options.MaxConnections);
                    client.Dispose();
                    continue;
                }

                var connection = ServeAsync(client, stopping);
                _connections.Add(connection);
                _ = connection.ContinueWith(t =>
                {
                    lock (_lock)
                    {
                        _connections.Remove(t);
                    }
                }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken stopping)
    {
        await Task.Yield(); // off the accept loop
        var source = $"tcp:{client.Client.RemoteEndPoint}";
        using (client)
        {
            try
            {
                logger.LogInformation("Card reader: {Source} connected", source);
                await _sink.ConsumeAsync(client.GetStream(), source, stopping);
                logger.LogInformation("Card reader: {Source} disconnected", source);
            }
            catch (Exception ex) when (ex is OperationCanceledException && stopping.IsCancellationRequested)
            {
                // stopping
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
                logger.LogWarning(ex, "Card reader: {Source} dropped", source);
            }
        }
    }
}
