namespace ParkingGrains.Runtime.Core;

/// <summary>Completes a forwarded copy by passing its outcome back to the original request's sender.</summary>
internal sealed class RelayCompletion(Message original) : ResponseCompletion
{
    public override Task Task => Task.CompletedTask;

    public override bool TrySetResult(object? result)
    {
        original.ResponseTarget?.OnResult(original, result);
        return true;
    }

    public override bool TrySetResultFrom(Task completedTask)
    {
        original.ResponseTarget?.OnCompleted(original, completedTask);
        return true;
    }

    public override bool TrySetException(Exception exception)
    {
        original.ResponseTarget?.OnException(original, exception);
        return true;
    }
}
