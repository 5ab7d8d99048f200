namespace ParkingGrains.Runtime.Core;

/// <summary>Where a request's outcome goes: a waiting caller in this process, or the connection it came from.</summary>
internal interface IResponseTarget
{
    /// <summary>The callee finished; <paramref name="completedTask"/> holds the result or the exception.</summary>
    void OnCompleted(Message request, Task completedTask);

    void OnResult(Message request, object? result);

    void OnException(Message request, Exception exception);
}
