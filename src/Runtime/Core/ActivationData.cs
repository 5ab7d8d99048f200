using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ParkingGrains.Runtime.Core;

/// <summary>
/// One activation of one grain: its instance, its mailbox and the turn rules. A request starts only when the
/// rules allow (non-reentrant: nothing else running), everything runs on the activation's own scheduler, and a
/// request that would wait on its own call chain is refused at once as a deadlock.
/// </summary>
internal sealed class ActivationData : IGrainContext
{
    private readonly object _lock = new();
    private readonly Queue<object> _waiting = new();
    private readonly List<long> _runningSequences = new(1);
    private readonly List<GrainTimer> _timers = [];
    private readonly bool _isReentrant;
    private readonly Type _grainClass;
    private int _runningReadOnly;
    private long _sequence;
    private bool _deactivationRequested;
    private DeactivationReason _deactivationReason;
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ActivationData(GrainId grainId, Type grainClass, SiloRuntime runtime)
    {
        GrainId = grainId;
        _grainClass = grainClass;
        Runtime = runtime;
        _isReentrant = grainClass.IsDefined(typeof(ReentrantAttribute), inherit: true);
        LastActivityTimestamp = Stopwatch.GetTimestamp();
    }

    public GrainId GrainId { get; }

    public SiloAddress Silo => Runtime.SiloAddress;

    public IServiceProvider ActivationServices => Runtime.Services;

    public SiloRuntime Runtime { get; }

    public ActivationTaskScheduler Scheduler { get; } = new();

    public object? GrainInstance { get; private set; }

    public ActivationState State { get; private set; } = ActivationState.Activating;

    public long LastActivityTimestamp { get; private set; }

    /// <summary>Completes when the activation is gone (deactivated, failed or killed).</summary>
    public Task Deactivated => _deactivated.Task;

    public bool IsIdleSince(long timestamp)
    {
        lock (_lock)
        {
            return State == ActivationState.Valid && _runningSequences.Count == 0 && _waiting.Count == 0 && LastActivityTimestamp < timestamp;
        }
    }

    /// <summary>Constructs the grain, loads its state and runs OnActivateAsync as the first turn.</summary>
    public void StartActivation() => StartTurn(static a => a.ActivateAsync());

    /// <summary>Queues or starts a request. False when this activation is gone and the caller must route again.</summary>
    public bool Enqueue(Message message)
    {
        DeadlockException? deadlock = null;
        lock (_lock)
        {
            if (State == ActivationState.Invalid)
            {
                return false;
            }

            LastActivityTimestamp = Stopwatch.GetTimestamp();
            if (State == ActivationState.Valid && _waiting.Count == 0 && CanStart(message.Method.IsReadOnly, message.Method.IsAlwaysInterleave))
            {
                BeginRequest(message);
                return true;
            }

            deadlock = FindDeadlock(message);
            if (deadlock is null)
            {
                _waiting.Enqueue(message);
            }
        }

        if (deadlock is not null)
        {
            message.ResponseTarget?.OnException(message, deadlock);
        }

        return true;
    }

    public void EnqueueTimerTick(GrainTimerTick tick)
    {
        lock (_lock)
        {
            if (State is ActivationState.Invalid or ActivationState.Deactivating)
            {
                return;
            }

            if (State == ActivationState.Valid && _waiting.Count == 0 && CanStart(isReadOnly: false, isAlwaysInterleave: false))
            {
                BeginTimerTick(tick);
            }
            else
            {
                _waiting.Enqueue(tick);
            }
        }
    }

    public IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new GrainTimer(this, callback, dueTime, period);
        lock (_lock)
        {
            _timers.Add(timer);
        }

        return timer;
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    public void LogTimerFailure(Exception exception) =>
        Runtime.Logger.LogWarning(exception, "Timer callback of {GrainId} failed", GrainId);

    /// <summary>Deactivates once the current work is done (idle collection, ownership change, shutdown, or on request).</summary>
    public void StartDeactivation(DeactivationReason reason)
    {
        lock (_lock)
        {
            if (State is ActivationState.Deactivating or ActivationState.Invalid || _deactivationRequested)
            {
                return;
            }

            _deactivationRequested = true;
            _deactivationReason = reason;
            if (State == ActivationState.Valid && _runningSequences.Count == 0)
            {
                State = ActivationState.Deactivating;
                StartTurn(static a => a.DeactivateAsync());
            }
        }
    }

    /// <summary>A crash: no callbacks, no state writes; queued callers are abandoned like the silo's process would be.</summary>
    public void Kill()
    {
        List<GrainTimer> timers;
        lock (_lock)
        {
            State = ActivationState.Invalid;
            _waiting.Clear();
            timers = [.. _timers];
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }

        _deactivated.TrySetResult();
    }

    private bool CanStart(bool isReadOnly, bool isAlwaysInterleave) =>
        _runningSequences.Count == 0
        || _isReentrant
        || isAlwaysInterleave
        || (isReadOnly && _runningReadOnly == _runningSequences.Count);

    private DeadlockException? FindDeadlock(Message message)
    {
        // The request waits behind running work. If one of those running requests is in this request's own call
        // chain, that request is (transitively) awaiting this one: it can never finish. Fail now, naming the cycle.
        if (message.CallChain is not { Length: > 0 } chain || _isReentrant || message.Method.IsAlwaysInterleave)
        {
            return null;
        }

        for (var i = 0; i < chain.Length; i++)
        {
            if (chain[i].Grain == GrainId && _runningSequences.Contains(chain[i].RequestSequence))
            {
                var cycle = chain[i..].Select(e => e.Grain).Append(GrainId).ToList();
                return new DeadlockException(
                    $"Deadlock: call cycle {string.Join(" -> ", cycle)} between non-reentrant grains ({message.Method.DisplayName} would wait forever). " +
                    "Make one of the grains [Reentrant], mark the method [AlwaysInterleave] or [ReadOnly], or avoid calling back.",
                    cycle);
            }
        }

        return null;
    }

    private void BeginRequest(Message message)
    {
        var sequence = ++_sequence;
        _runningSequences.Add(sequence);
        if (message.Method.IsReadOnly)
        {
            _runningReadOnly++;
        }

        var task = new Task(static s => RunRequest((RequestTurn)s!), new RequestTurn(this, message, sequence));
        task.Start(Scheduler);
    }

    private void BeginTimerTick(GrainTimerTick tick)
    {
        var sequence = ++_sequence;
        _runningSequences.Add(sequence);
        StartTurn(a => a.RunTimerTickAsync(tick, sequence));
    }

    private static void RunRequest(RequestTurn turn)
    {
        var activation = turn.Activation;
        var message = turn.Message;
        RuntimeContext.CallChain = AppendToChain(message.CallChain, new CallChainEntry(activation.GrainId, turn.Sequence));
        RequestContext.Import(message.RequestContext);
        Task task;
        try
        {
            task = activation.Runtime.HasIncomingFilters
                ? activation.Runtime.InvokeWithFilters(activation.GrainInstance!, message)
                : message.Method.Invoker(activation.GrainInstance!, message.Arguments);
        }
        catch (Exception ex)
        {
            task = Task.FromException(ex);
        }

        if (task.IsCompleted)
        {
            activation.CompleteRequest(turn, task);
        }
        else
        {
            task.ContinueWith(static (t, s) => ((RequestTurn)s!).Activation.CompleteRequest((RequestTurn)s!, t), turn, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private void CompleteRequest(RequestTurn turn, Task task)
    {
        var message = turn.Message;
        if (message.Method.IsOneWay && task.IsFaulted)
        {
            Runtime.Logger.LogWarning(task.Exception!.InnerException, "One-way call {Call} failed", message);
        }

        if (task is Task<object?> { IsCompletedSuccessfully: true } filtered && Runtime.HasIncomingFilters)
        {
            message.ResponseTarget?.OnResult(message, filtered.Result);
        }
        else
        {
            message.ResponseTarget?.OnCompleted(message, task);
        }
        EndWork(turn.Sequence, message.Method.IsReadOnly);
    }

    private async Task RunTimerTickAsync(GrainTimerTick tick, long sequence)
    {
        RuntimeContext.CallChain = [new CallChainEntry(GrainId, sequence)];
        try
        {
            await tick.Timer.RunTickAsync();
        }
        finally
        {
            EndWork(sequence, isReadOnly: false);
        }
    }

    private void EndWork(long sequence, bool isReadOnly)
    {
        lock (_lock)
        {
            _runningSequences.Remove(sequence);
            if (isReadOnly)
            {
                _runningReadOnly--;
            }

            LastActivityTimestamp = Stopwatch.GetTimestamp();
            StartWaitingWork();
        }
    }

    // Called under the lock whenever something finished or the activation became valid.
    private void StartWaitingWork()
    {
        if (State != ActivationState.Valid)
        {
            return;
        }

        if (_deactivationRequested)
        {
            if (_runningSequences.Count == 0)
            {
                State = ActivationState.Deactivating;
                StartTurn(static a => a.DeactivateAsync());
            }

            return;
        }

        while (_waiting.TryPeek(out var next))
        {
            var (isReadOnly, isInterleave) = next is Message m ? (m.Method.IsReadOnly, m.Method.IsAlwaysInterleave) : (false, false);
            if (!CanStart(isReadOnly, isInterleave))
            {
                return;
            }

            _waiting.Dequeue();
            if (next is Message message)
            {
                BeginRequest(message);
            }
            else
            {
                BeginTimerTick((GrainTimerTick)next);
            }
        }
    }

    private async Task ActivateAsync()
    {
        try
        {
            var (grain, states) = Runtime.GrainActivator.Create(_grainClass, this);
            GrainInstance = grain;
            foreach (var state in states)
            {
                await state.ReadStateAsync();
            }

            if (grain is Grain baseGrain)
            {
                using var timeout = new CancellationTokenSource(Runtime.Options.ActivationTimeout);
                await baseGrain.OnActivateAsync(timeout.Token);
            }

            lock (_lock)
            {
                State = ActivationState.Valid;
                StartWaitingWork();
            }
        }
        catch (Exception ex)
        {
            Runtime.Logger.LogError(ex, "Activation of {GrainId} failed", GrainId);
            List<object> waiting;
            lock (_lock)
            {
                State = ActivationState.Invalid;
                waiting = [.. _waiting];
                _waiting.Clear();
            }

            Runtime.Catalog.Remove(this);
            _deactivated.TrySetResult();
            foreach (var message in waiting.OfType<Message>())
            {
                message.ResponseTarget?.OnException(message, ex);
            }
        }
    }

    private async Task DeactivateAsync()
    {
        List<GrainTimer> timers;
        lock (_lock)
        {
            timers = [.. _timers];
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }

        if (GrainInstance is Grain grain && !Runtime.IsKilled)
        {
            try
            {
                using var timeout = new CancellationTokenSource(Runtime.Options.DeactivationTimeout);
                await grain.OnDeactivateAsync(_deactivationReason, timeout.Token);
            }
            catch (Exception ex)
            {
                Runtime.Logger.LogWarning(ex, "OnDeactivateAsync of {GrainId} failed", GrainId);
            }
        }

        List<object> waiting;
        lock (_lock)
        {
            State = ActivationState.Invalid;
            waiting = [.. _waiting];
            _waiting.Clear();
        }

        Runtime.Catalog.Remove(this);
        _deactivated.TrySetResult();

        // Requests that arrived meanwhile go to a fresh activation, here or on the new owner.
        foreach (var message in waiting.OfType<Message>())
        {
            Runtime.Client.Route(message);
        }
    }

    private void StartTurn(Func<ActivationData, Task> turn)
    {
        var task = new Task<Task>(static s => ((TurnStart)s!).Turn(((TurnStart)s!).Activation), new TurnStart(this, turn));
        task.Start(Scheduler);
    }

    private static CallChainEntry[] AppendToChain(CallChainEntry[]? chain, CallChainEntry entry)
    {
        if (chain is null || chain.Length == 0)
        {
            return [entry];
        }

        var result = new CallChainEntry[chain.Length + 1];
        chain.CopyTo(result, 0);
        result[^1] = entry;
        return result;
    }

    private sealed record RequestTurn(ActivationData Activation, Message Message, long Sequence);

    private sealed record TurnStart(ActivationData Activation, Func<ActivationData, Task> Turn);
}
