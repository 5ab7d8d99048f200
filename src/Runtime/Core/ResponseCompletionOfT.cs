namespace ParkingGrains.Runtime.Core;

internal sealed class ResponseCompletion<T> : ResponseCompletion
{
    // Continuations run asynchronously so a caller's code never runs inline on the callee's activation thread.
    private readonly TaskCompletionSource<T> _source = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Task Task => _source.Task;

    public override bool TrySetResult(object? result) => _source.TrySetResult((T)result!);

    public override bool TrySetResultFrom(Task completedTask) =>
        completedTask is Task<T> typed ? _source.TrySetResult(typed.Result) : _source.TrySetResult(default!);

    public override bool TrySetException(Exception exception) => _source.TrySetException(exception);
}
