using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Threading.Channels;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace ParkingGrains.Runtime.Messaging;

/// <summary>
/// One TCP connection (Kestrel's socket transport, System.IO.Pipelines) carrying multiplexed frames. Writes are
/// queued and a single loop flushes whatever accumulated, so concurrent calls share syscalls. Any protocol
/// violation closes this connection with a log line; nothing a peer sends can take the process down.
/// </summary>
internal sealed class Connection
{
    private readonly ConnectionContext _context;
    private readonly IFrameHandler _handler;
    private readonly ILogger _logger;
    private readonly int _maxMessageSize;
    private readonly Channel<OutboundFrame> _outbound = Channel.CreateUnbounded<OutboundFrame>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _closing;

    public Connection(ConnectionContext context, bool isOutbound, IFrameHandler handler, ILogger logger, int maxMessageSize)
    {
        _context = context;
        IsOutbound = isOutbound;
        _handler = handler;
        _logger = logger;
        _maxMessageSize = maxMessageSize;
        RemoteEndPoint = context.RemoteEndPoint?.ToString() ?? "?";
    }

    public bool IsOutbound { get; }

    public string RemoteEndPoint { get; }

    /// <summary>Set by the handler once the peer identified itself.</summary>
    public bool IsEstablished { get; set; }

    public SiloAddress? RemoteSilo { get; set; }

    public string? RemoteClientId { get; set; }

    public ConnectionRole RemoteRole { get; set; }

    /// <summary>For outgoing connections: completes when the peer acknowledged our Hello.</summary>
    public TaskCompletionSource<HelloAck>? Handshake { get; init; }

    /// <summary>Answers requests that arrived on this connection.</summary>
    public Core.IResponseTarget? ResponseTarget { get; set; }

    public Task Closed => _closed.Task;

    public bool IsClosed => Volatile.Read(ref _closing) != 0;

    public bool TrySend(OutboundFrame frame)
    {
        if (!IsClosed && _outbound.Writer.TryWrite(frame))
        {
            return true;
        }

        frame.Return();
        return false;
    }

    public async Task RunAsync()
    {
        var writer = Task.Run(WriteLoopAsync);
        try
        {
            await ReadLoopAsync();
        }
        catch (ProtocolException ex)
        {
            _logger.LogWarning("Closing connection from {Remote}: protocol violation: {Reason}", RemoteEndPoint, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or ConnectionResetException or OperationCanceledException or ObjectDisposedException)
        {
            _logger.LogDebug("Connection {Remote} ended: {Reason}", RemoteEndPoint, ex.Message);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Closing connection {Remote} after an unexpected error", RemoteEndPoint);
        }
        finally
        {
            await CloseAsync();
            await writer;
        }
    }

    public async Task CloseAsync()
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            await _closed.Task;
            return;
        }

        _outbound.Writer.TryComplete();
        try
        {
            _context.Abort(new ConnectionAbortedException("closed"));
            await _context.DisposeAsync();
        }
        catch (Exception ex)
        {
            _logger.LogDebug(ex, "Disposing connection {Remote}", RemoteEndPoint);
        }

        while (_outbound.Reader.TryRead(out var frame))
        {
            frame.Return();
        }

        Handshake?.TrySetException(new IOException($"Connection to {RemoteEndPoint} closed before the handshake completed."));
        try
        {
            _handler.OnClosed(this);
        }
        finally
        {
            _closed.TrySetResult();
        }
    }

    private async Task ReadLoopAsync()
    {
        var input = _context.Transport.Input;
        while (true)
        {
            var result = await input.ReadAsync();
            var buffer = result.Buffer;
            try
            {
                while (TryReadFrame(ref buffer, out var frame))
                {
                    HandleFrame(frame);
                }
            }
            finally
            {
                input.AdvanceTo(buffer.Start, buffer.End);
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                if (!buffer.IsEmpty)
                {
                    throw new ProtocolException($"Connection closed in the middle of a frame ({buffer.Length} bytes left).");
                }

                return;
            }
        }
    }

    private bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        if (buffer.Length < 4)
        {
            return false;
        }

        Span<byte> prefix = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(prefix);
        var length = BinaryPrimitives.ReadInt32LittleEndian(prefix);
        if (length < 1 || length > _maxMessageSize)
        {
            throw new ProtocolException($"Frame length {length} outside 1..{_maxMessageSize}.");
        }

        if (buffer.Length < 4L + length)
        {
            return false;
        }

        frame = buffer.Slice(4, length);
        buffer = buffer.Slice(4L + length);
        return true;
    }

    private void HandleFrame(ReadOnlySequence<byte> frame)
    {
        if (frame.IsSingleSegment)
        {
            Dispatch(frame.FirstSpan);
            return;
        }

        var length = (int)frame.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            frame.CopyTo(rented);
            Dispatch(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private void Dispatch(ReadOnlySpan<byte> frame)
    {
        var kind = (FrameKind)frame[0];
        if (!IsEstablished && kind != (IsOutbound ? FrameKind.HelloAck : FrameKind.Hello))
        {
            throw new ProtocolException($"Expected a handshake, got frame kind {(byte)kind}.");
        }

        _handler.OnFrame(this, kind, frame[1..]);
    }

    private async Task WriteLoopAsync()
    {
        var output = _context.Transport.Output;
        var reader = _outbound.Reader;
        try
        {
            while (await reader.WaitToReadAsync())
            {
                while (reader.TryRead(out var frame))
                {
                    output.Write(frame.Span);
                    frame.Return();
                }

                var flush = await output.FlushAsync();
                if (flush.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ConnectionResetException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            _logger.LogDebug("Write loop of {Remote} ended: {Reason}", RemoteEndPoint, ex.Message);
        }
        finally
        {
            _ = CloseAsync();
        }
    }
}
