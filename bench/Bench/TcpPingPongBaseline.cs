using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace ParkingGrains.Bench;

/// <summary>
/// The loopback limit for our traffic shape: one TCP connection, pipelined length-prefixed frames of the same
/// size as a grain request, matched by correlation id, with an echo server — no runtime at all.
/// </summary>
public sealed class TcpPingPongBaseline : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _pending = new();
    private readonly Channel<long> _outbound = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
    private readonly int _frameSize;
    private Socket? _client;
    private Socket? _server;
    private long _nextId;

    public TcpPingPongBaseline(int frameSize) => _frameSize = Math.Max(frameSize, 12);

    public async Task StartAsync()
    {
        _listener.Start();
        var accept = _listener.AcceptSocketAsync();
        _client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await _client.ConnectAsync((IPEndPoint)_listener.LocalEndpoint);
        _server = await accept;
        _server.NoDelay = true;
        _ = EchoAsync(new NetworkStream(_server));
        var stream = new NetworkStream(_client);
        _ = WriteLoopAsync(PipeWriter.Create(stream));
        _ = ReadLoopAsync(PipeReader.Create(stream));
    }

    public Task CallAsync()
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        _outbound.Writer.TryWrite(id);
        return reply.Task;
    }

    public ValueTask DisposeAsync()
    {
        _outbound.Writer.TryComplete();
        _client?.Dispose();
        _server?.Dispose();
        _listener.Stop();
        return ValueTask.CompletedTask;
    }

    private async Task WriteLoopAsync(PipeWriter output)
    {
        var reader = _outbound.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var id))
            {
                var span = output.GetSpan(_frameSize);
                span[.._frameSize].Clear();
                BinaryPrimitives.WriteInt32LittleEndian(span, _frameSize - 4);
                BinaryPrimitives.WriteInt64LittleEndian(span[4..], id);
                output.Advance(_frameSize);
            }

            await output.FlushAsync();
        }
    }

    private async Task ReadLoopAsync(PipeReader input)
    {
        while (true)
        {
            var result = await input.ReadAsync();
            var buffer = result.Buffer;
            while (buffer.Length >= _frameSize)
            {
                if (_pending.TryRemove(ReadId(buffer), out var reply))
                {
                    reply.TrySetResult();
                }

                buffer = buffer.Slice(_frameSize);
            }

            input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                return;
            }
        }
    }

    private static long ReadId(in ReadOnlySequence<byte> frame)
    {
        Span<byte> header = stackalloc byte[12];
        frame.Slice(0, 12).CopyTo(header);
        return BinaryPrimitives.ReadInt64LittleEndian(header[4..]);
    }

    private static async Task EchoAsync(NetworkStream stream)
    {
        var input = PipeReader.Create(stream);
        var output = PipeWriter.Create(stream);
        while (true)
        {
            var result = await input.ReadAsync();
            foreach (var segment in result.Buffer)
            {
                output.Write(segment.Span);
            }

            input.AdvanceTo(result.Buffer.End);
            await output.FlushAsync();
            if (result.IsCompleted)
            {
                return;
            }
        }
    }
}
