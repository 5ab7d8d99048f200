namespace ParkingGrains.Runtime.Core;

/// <summary>The caller's side of a request: completed with the result, an exception, or a timeout.</summary>
internal abstract class ResponseCompletion
{
    public abstract Task Task { get; }

    public abstract bool TrySetResult(object? result);

    /// <summary>Takes the result straight from the callee's Task, avoiding a box for local calls.</summary>
    public abstract bool TrySetResultFrom(Task completedTask);

    public abstract bool TrySetException(Exception exception);
}
