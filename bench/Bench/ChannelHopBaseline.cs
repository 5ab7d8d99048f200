using System.Threading.Channels;

namespace ParkingGrains.Bench;

/// <summary>The least a local call can cost: hand a request to another task through a Channel and await its answer.</summary>
public sealed class ChannelHopBaseline : IAsyncDisposable
{
    private readonly Channel<(int Value, TaskCompletionSource<int> Reply)>[] _queues;
    private readonly Task[] _consumers;

    public ChannelHopBaseline(int lanes)
    {
        _queues = Enumerable.Range(0, lanes).Select(_ => Channel.CreateUnbounded<(int, TaskCompletionSource<int>)>(new UnboundedChannelOptions { SingleReader = true })).ToArray();
        _consumers = _queues.Select(q => Task.Run(async () =>
        {
            await foreach (var (value, reply) in q.Reader.ReadAllAsync())
            {
                reply.TrySetResult(value);
            }
        })).ToArray();
    }

    public Task<int> CallAsync(int lane, int value)
    {
        var reply = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queues[lane].Writer.TryWrite((value, reply));
        return reply.Task;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var queue in _queues)
        {
            queue.Writer.TryComplete();
        }

        await Task.WhenAll(_consumers);
    }
}
