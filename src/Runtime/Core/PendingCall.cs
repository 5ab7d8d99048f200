using System.Diagnostics;

namespace ParkingGrains.Runtime.Core;

/// <summary>A request this process sent and is waiting for. The first outcome wins; later ones are ignored.</summary>
internal sealed class PendingCall(Message request, ResponseCompletion completion, CallbackTable table, long deadlineTimestamp)
    : IResponseTarget
{
    public Message Request { get; } = request;

    public ResponseCompletion Completion { get; } = completion;

    public long DeadlineTimestamp { get; } = deadlineTimestamp;

    public int Attempts { get; set; }

    public bool IsExpired(long now) => now >= DeadlineTimestamp;

    public TimeSpan Remaining => Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), DeadlineTimestamp);

    public void OnCompleted(Message request, Task completedTask)
    {
        if (!table.TryRemove(request.Id))
        {
            return;
        }

        if (completedTask.IsCompletedSuccessfully)
        {
            Completion.TrySetResultFrom(completedTask);
        }
        else
        {
            Completion.TrySetException(completedTask.Exception?.InnerException ?? new TaskCanceledException(completedTask));
        }
    }

    public void OnResult(Message request, object? result)
    {
        if (table.TryRemove(request.Id))
        {
            Completion.TrySetResult(result);
        }
    }

    public void OnException(Message request, Exception exception)
    {
        if (table.TryRemove(request.Id))
        {
            Completion.TrySetException(exception);
        }
    }
}
