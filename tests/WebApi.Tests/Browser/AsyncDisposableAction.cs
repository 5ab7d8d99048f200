namespace ParkingGrains.WebApi.Tests.Browser;

/// <summary>Runs an action once when disposed.</summary>
public sealed class AsyncDisposableAction(Func<Task> action) : IAsyncDisposable
{
    private Func<Task>? _action = action;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _action, null) is { } run)
        {
            await run();
        }
    }
}
