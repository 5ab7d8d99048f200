using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Orleans.Serialization.Invocation;

namespace ParkingGrains.Grains.Interfaces.Calls;

/// <summary>
/// Retries calls to <see cref="IdempotentAttribute"/> methods that failed for a transient reason of the cluster (the
/// target silo died or is shutting down, the message was rejected or timed out, the gateway was too busy or could
/// not be reached), waiting 200 ms, 400 ms, 800 ms… at most 2 s between attempts, and starting none after the
/// deadline; the last failure is then thrown to the caller. Calls to other methods pass straight through.
/// Hosts register it with <c>AddOutgoingGrainCallFilter&lt;IdempotentRetryFilter&gt;()</c>.
/// </summary>
/// <remarks>
/// Orleans' <c>OutgoingCallInvoker</c> lets a filter call <see cref="IGrainCallContext.Invoke"/> again: its stage
/// counter is restored in a <c>finally</c>, so each call runs the rest of the pipeline and sends the same request
/// anew. A call to an activation on the same silo hands the receiver that very request object, which the receiver
/// clears once it has run it, so the arguments are captured before the first attempt and put back before each retry.
/// Orleans' own response timeout (30 s by default) is longer than the default deadline, so a call that timed out
/// waiting is not retried unless a host shortens it; a <see cref="TimeoutException"/> thrown by the grain is.
/// </remarks>
public sealed class IdempotentRetryFilter : IOutgoingGrainCallFilter
{
    /// <summary>How long after the first attempt a retry may still start, unless the constructor is given another.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);

    private static readonly Action<ILogger, string, string, int, TimeSpan, Exception?> LogRetry = LoggerMessage.Define<string, string, int, TimeSpan>(
        LogLevel.Warning,
        new EventId(1, "IdempotentCallRetry"),
        "Idempotent call {Interface}.{Method} failed transiently on attempt {Attempt}; retrying in {Delay}.");

    // The attribute lookup is reflection; a grain method is called far more often than there are grain methods.
    private readonly ConcurrentDictionary<MethodInfo, bool> _idempotent = new();
    private readonly TimeSpan _deadline;
    private readonly ILogger? _logger;

    /// <param name="logger">Where retries are reported (optional).</param>
    /// <param name="deadline">How long after the first attempt a retry may still start; <see cref="DefaultDeadline"/> when null.</param>
    public IdempotentRetryFilter(ILogger<IdempotentRetryFilter>? logger = null, TimeSpan? deadline = null)
    {
        if (deadline < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(deadline), deadline, "The deadline must not be negative.");
        }

        _logger = logger;
        _deadline = deadline ?? DefaultDeadline;
    }

    public Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.InterfaceMethod is { } method && _idempotent.GetOrAdd(method, static m => m.IsDefined(typeof(IdempotentAttribute), inherit: false))
            ? InvokeWithRetries(context)
            : context.Invoke();
    }

    /// <summary>The failures after which the request may not have reached, or not been answered by, the grain.</summary>
    public static bool IsTransient(Exception exception) => exception is
        OrleansMessageRejectionException // includes SiloUnavailableException
        or GatewayTooBusyException
        or ConnectionFailedException
        or TimeoutException;

    private async Task InvokeWithRetries(IOutgoingGrainCallContext context)
    {
        var arguments = CaptureArguments(context.Request);
        var started = Stopwatch.GetTimestamp();
        var delay = FirstDelay;
        var last = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await context.Invoke();
                return;
            }
            catch (Exception exception) when (!last && IsTransient(exception) && Stopwatch.GetElapsedTime(started) < _deadline)
            {
                // A wait that would pass the deadline is cut to end at it, and the attempt after it is the last: a
                // timer that fires a little early must not turn the remainder into a burst of attempts.
                var wait = _deadline - Stopwatch.GetElapsedTime(started);
                if (wait > delay)
                {
                    wait = delay;
                }
                else
                {
                    last = true;
                }

                if (_logger is not null)
                {
                    LogRetry(_logger, context.InterfaceName, context.MethodName, attempt, wait, exception);
                }

                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
            }

            RestoreArguments(context.Request, arguments);
            delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
        }
    }

    private static object?[] CaptureArguments(IInvokable request)
    {
        var arguments = new object?[request.GetArgumentCount()];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = request.GetArgument(i);
        }

        return arguments;
    }

    private static void RestoreArguments(IInvokable request, object?[] arguments)
    {
        for (var i = 0; i < arguments.Length; i++)
        {
            // Null is a valid argument (an absent plate, say); the parameter is only annotated as non-null.
            request.SetArgument(i, arguments[i]!);
        }
    }
}
