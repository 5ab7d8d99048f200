using System.Threading.Channels;

namespace ParkingGrains.Storage.Sql;

/// <summary>
/// Group commit for conditional writes (grain state, event-log appends): callers enqueue, up to <c>concurrency</c> writer loops each take every pending
/// write (up to the batch size) and hand it to the provider, which applies the whole batch in one transaction and
/// one round trip and reports which rows matched their expected version. A write is acknowledged only after its
/// batch committed. A transient failure retries the batch (it rolled back as a whole); any other failure of a
/// multi-write batch re-runs each write alone so one bad write cannot fail its neighbours.
/// </summary>
internal sealed class WriteBatcher<TWrite> : IAsyncDisposable
    where TWrite : class, IBatchedWrite
{
    private const int MaxTransientAttempts = 3;

    private readonly Channel<TWrite> _channel = Channel.CreateUnbounded<TWrite>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });

    private readonly Func<IReadOnlyList<TWrite>, CancellationToken, Task<bool[]>> _execute;
    private readonly Func<Exception, bool> _isTransient;
    private readonly int _maxBatchSize;
    private readonly Task[] _workers;
    private readonly SemaphoreSlim _draining = new(1, 1);
    private volatile TaskCompletionSource _hold = CreateReleasedHold();
    private long _batches;
    private long _writes;

    /// <param name="execute">Applies the batch atomically; returns, per write, whether its version matched. Must throw if the batch did not commit.</param>
    public WriteBatcher(
        int maxBatchSize,
        int concurrency,
        Func<IReadOnlyList<TWrite>, CancellationToken, Task<bool[]>> execute,
        Func<Exception, bool> isTransient)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _maxBatchSize = maxBatchSize;
        _execute = execute;
        _isTransient = isTransient;
        _workers = new Task[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            _workers[i] = Task.Run(RunAsync);
        }
    }

    /// <summary>Batches executed so far (for tests and diagnostics).</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Writes handed to the database so far, counting re-runs.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    public Task<long> EnqueueAsync(TWrite write)
    {
        if (!_channel.Writer.TryWrite(write))
        {
            write.Completion.TrySetException(new ObjectDisposedException(nameof(WriteBatcher<TWrite>), "The storage provider has been disposed."));
        }

        return write.Completion.Task;
    }

    /// <summary>Test hook: writer loops stop taking writes until <see cref="Release"/>, so a test can build one known batch.</summary>
    internal void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    internal void Release() => _hold.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        // Pending writes are still applied: completing the channel only stops new ones.
        _channel.Writer.TryComplete();
        Release();
        await Task.WhenAll(_workers).ConfigureAwait(false);
    }

    private static TaskCompletionSource CreateReleasedHold()
    {
        var hold = new TaskCompletionSource();
        hold.SetResult();
        return hold;
    }

    private async Task RunAsync()
    {
        var batch = new List<TWrite>(_maxBatchSize);
        while (await _channel.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            await _hold.Task.ConfigureAwait(false);

            // One loop drains at a time, so a burst becomes one full batch rather than several partial ones;
            // the batches themselves still execute concurrently.
            await _draining.WaitAsync().ConfigureAwait(false);
            try
            {
                while (batch.Count < _maxBatchSize && _channel.Reader.TryRead(out var write))
                {
                    batch.Add(write);
                }
            }
            finally
            {
                _draining.Release();
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await ExecuteBatchAsync(batch).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Fail(batch, ex);
            }
            finally
            {
                // Guard against a provider bug leaving a caller waiting forever.
                Fail(batch, new InvalidOperationException("The write batch finished without completing this write."));
                batch.Clear();
            }
        }
    }

    private async Task ExecuteBatchAsync(List<TWrite> batch)
    {
        var attempt = 0;
        while (true)
        {
            attempt++;
            bool[] applied;
            try
            {
                applied = await RunOnceAsync(batch).ConfigureAwait(false);
            }
            catch (Exception ex) when (_isTransient(ex) && attempt < MaxTransientAttempts)
            {
                // The whole batch rolled back (or its outcome is unknown, in which case a re-run either applies it
                // or finds the version already moved and reports a conflict: never a double or a false success).
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt)).ConfigureAwait(false);
                continue;
            }
            catch (Exception ex) when (batch.Count > 1 && !_isTransient(ex))
            {
                foreach (var write in batch)
                {
                    bool[] single;
                    try
                    {
                        single = await RunOnceAsync([write]).ConfigureAwait(false);
                    }
                    catch (Exception singleFailure)
                    {
                        write.Completion.TrySetException(singleFailure);
                        continue;
                    }

                    Complete([write], single);
                }

                return;
            }

            // Outside the try: once the batch committed it must never be re-run.
            Complete(batch, applied);
            return;
        }
    }

    private Task<bool[]> RunOnceAsync(IReadOnlyList<TWrite> batch)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _writes, batch.Count);
        return _execute(batch, CancellationToken.None);
    }

    private static void Complete(IReadOnlyList<TWrite> batch, bool[] applied)
    {
        if (applied.Length != batch.Count)
        {
            throw new InvalidOperationException($"The provider reported {applied.Length} results for {batch.Count} writes.");
        }

        for (var i = 0; i < batch.Count; i++)
        {
            var write = batch[i];
            if (applied[i])
            {
                write.Completion.TrySetResult(write.NewVersion);
            }
            else
            {
                write.Completion.TrySetException(write.Conflict());
            }
        }
    }

    private static void Fail(IReadOnlyList<TWrite> batch, Exception ex)
    {
        foreach (var write in batch)
        {
            write.Completion.TrySetException(ex);
        }
    }
}
