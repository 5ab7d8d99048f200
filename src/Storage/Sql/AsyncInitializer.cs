namespace ParkingGrains.Storage.Sql;

/// <summary>
/// Runs an initialization once for all concurrent callers. A failed attempt is forgotten so the next caller retries
/// (a database that was still starting must not poison the provider for the life of the silo).
/// </summary>
internal sealed class AsyncInitializer(Func<CancellationToken, Task> initialize)
{
    private readonly Lock _lock = new();
    private Task? _task;

    public bool IsCompleted => _task is { IsCompletedSuccessfully: true };

    public Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        var task = _task;
        if (task is { IsCompletedSuccessfully: true })
        {
            return task;
        }

        lock (_lock)
        {
            if (_task is null || _task.IsFaulted || _task.IsCanceled)
            {
                // The shared attempt is not tied to one caller's token: cancelling one waiter must not fail the others.
                _task = Task.Run(() => initialize(CancellationToken.None), CancellationToken.None);
            }

            task = _task;
        }

        return task.WaitAsync(cancellationToken);
    }
}
