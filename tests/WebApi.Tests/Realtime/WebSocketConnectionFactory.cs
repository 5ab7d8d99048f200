using System.IO.Pipelines;
using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;

namespace ParkingGrains.WebApi.Tests.Realtime;

/// <summary>
/// The SignalR .NET client's transport without Microsoft.AspNetCore.SignalR.Client (not restorable here, so no
/// WithUrl): a <see cref="ClientWebSocket"/> straight to the hub's WebSocket URL (the server accepts it without
/// negotiate), with two pipes pumped to and from the socket in text frames.
/// </summary>
public sealed class WebSocketConnectionFactory : IConnectionFactory
{
    public async ValueTask<ConnectionContext> ConnectAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        var uri = ((UriEndPoint)endpoint).Uri;
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(uri, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new WebSocketConnection(socket);
    }

    private sealed class WebSocketConnection : ConnectionContext
    {
        private readonly ClientWebSocket _socket;
        private readonly Pipe _toApp = new();
        private readonly Pipe _fromApp = new();
        private readonly CancellationTokenSource _closing = new();
        private readonly Task _receiving;
        private readonly Task _sending;

        public WebSocketConnection(ClientWebSocket socket)
        {
            _socket = socket;
            Transport = new DuplexPipe(_toApp.Reader, _fromApp.Writer);
            _receiving = ReceiveAsync();
            _sending = SendAsync();
        }

        public override string ConnectionId { get; set; } = Guid.NewGuid().ToString("N");

        public override IFeatureCollection Features { get; } = new FeatureCollection();

        public override IDictionary<object, object?> Items { get; set; } = new Dictionary<object, object?>();

        public override IDuplexPipe Transport { get; set; }

        public override async ValueTask DisposeAsync()
        {
            await _closing.CancelAsync();
            _fromApp.Writer.Complete();
            await Task.WhenAll(_receiving, _sending).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _socket.Dispose();
            _closing.Dispose();
        }

        private async Task ReceiveAsync()
        {
            try
            {
                while (true)
                {
                    var result = await _socket.ReceiveAsync(_toApp.Writer.GetMemory(4096), _closing.Token);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        break;
                    }

                    _toApp.Writer.Advance(result.Count);
                    if ((await _toApp.Writer.FlushAsync(_closing.Token)).IsCompleted)
                    {
                        break;
                    }
                }

                await _toApp.Writer.CompleteAsync();
            }
            catch (Exception ex)
            {
                await _toApp.Writer.CompleteAsync(ex is OperationCanceledException ? null : ex);
            }
        }

        private async Task SendAsync()
        {
            try
            {
                while (true)
                {
                    var result = await _fromApp.Reader.ReadAsync(_closing.Token);
                    foreach (var segment in result.Buffer)
                    {
                        await _socket.SendAsync(segment, WebSocketMessageType.Text, endOfMessage: true, _closing.Token);
                    }

                    _fromApp.Reader.AdvanceTo(result.Buffer.End);
                    if (result.IsCompleted)
                    {
                        break;
                    }
                }

                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            catch (Exception)
            {
                // The socket is gone or we are closing: the receive side reports it to SignalR.
            }
            finally
            {
                await _fromApp.Reader.CompleteAsync();
            }
        }
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
