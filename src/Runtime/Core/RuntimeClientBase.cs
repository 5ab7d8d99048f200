using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ParkingGrains.Runtime.Cluster;
using ParkingGrains.Runtime.Messaging;
using ParkingGrains.Runtime.Serialization;

namespace ParkingGrains.Runtime.Core;

/// <summary>
/// What silos and external clients share: making calls (proxy → message → route), the pending-call table,
/// retrying calls that are safe to retry when a silo is lost, local observer objects, and response handling.
/// </summary>
internal abstract class RuntimeClientBase : IRuntimeClient, IGrainFactory, IDisposable
{
    public const string ObserverGrainType = "$observer";

    private readonly ConcurrentDictionary<string, object> _observers = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<object, string> _observerKeys = new();
    private readonly IOutgoingGrainCallFilter[] _outgoingFilters;

    protected RuntimeClientBase(GrainInterfaceRegistry interfaces, TimeSpan responseTimeout, int maxMessageSize, IEnumerable<IOutgoingGrainCallFilter> outgoingFilters, ILogger logger)
    {
        Interfaces = interfaces;
        ResponseTimeout = responseTimeout;
        Logger = logger;
        _outgoingFilters = [.. outgoingFilters];
        Callbacks = new CallbackTable(TimeSpan.FromMilliseconds(Math.Clamp(responseTimeout.TotalMilliseconds / 10, 50, 1000)));
        // Fields included: tuples (a natural grain return type) keep their values across the wire.
        var json = new JsonSerializerOptions(JsonSerializerDefaults.General) { IncludeFields = true };
        json.Converters.Add(new GrainReferenceConverterFactory(this));
        Codec = new MessageCodec(interfaces, json, maxMessageSize);
    }

    public GrainInterfaceRegistry Interfaces { get; }

    public CallbackTable Callbacks { get; }

    public MessageCodec Codec { get; }

    public TimeSpan ResponseTimeout { get; }

    public ILogger Logger { get; }

    /// <summary>"s.{silo}" or "c.{clientId}": where observers created here live.</summary>
    public abstract string LocalEndpointId { get; }

    protected abstract GrainTypeManifest Manifest { get; }

    /// <summary>Outgoing connections: silo-to-silo ports for a silo, gateway ports for a client.</summary>
    public abstract SiloConnectionManager Connections { get; }

    /// <summary>Where to connect to reach a silo (its silo port, or its gateway port for clients).</summary>
    protected virtual System.Net.IPEndPoint EndpointOf(SiloAddress silo) => silo.Endpoint;

    /// <summary>Fails or retries every call that was waiting on a silo that is gone.</summary>
    public void FailCallsTo(SiloAddress silo, string reason)
    {
        foreach (var call in Callbacks.WaitingOn(silo))
        {
            OnUndeliverable(call.Request, new SiloUnavailableException(reason, call.Request.WasSent));
        }
    }

    /// <summary>Fails or retries the calls that went out on a connection that closed (other connections are unaffected).</summary>
    public void FailCallsSentOn(Connection connection, string reason)
    {
        foreach (var call in Callbacks.SentOn(connection))
        {
            OnUndeliverable(call.Request, new SiloUnavailableException(reason, messageWasSent: true));
        }
    }

    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var grainInterface = Interfaces.Get(typeof(TGrainInterface));
        return (TGrainInterface)GrainProxy.Create(this, grainInterface, new GrainId(Manifest.GetGrainType(grainInterface), key));
    }

    public object GetReference(GrainId grainId, Type interfaceType) => GrainProxy.Create(this, Interfaces.Get(interfaceType), grainId);

    public TObserver CreateObjectReference<TObserver>(IGrainObserver observer)
        where TObserver : IGrainObserver
    {
        ArgumentNullException.ThrowIfNull(observer);
        if (observer is not TObserver)
        {
            throw new ArgumentException($"{observer.GetType()} does not implement {typeof(TObserver)}.", nameof(observer));
        }

        var key = _observerKeys.GetValue(observer, _ => $"{LocalEndpointId}/{Guid.NewGuid():N}");
        _observers[key] = observer;
        Interfaces.RegisterImplemented(observer.GetType());
        return (TObserver)GetReference(new GrainId(ObserverGrainType, key), typeof(TObserver));
    }

    public void DeleteObjectReference<TObserver>(IGrainObserver observer)
        where TObserver : IGrainObserver
    {
        if (_observerKeys.TryGetValue(observer, out var key))
        {
            _observers.TryRemove(key, out _);
        }
    }

    public Task Invoke(GrainId target, InterfaceMethod method, object?[] arguments)
    {
        var message = new Message
        {
            Target = target,
            Method = method,
            Arguments = arguments,
            CallChain = RuntimeContext.CallChain,
            RequestContext = RequestContext.Export(),
            Timeout = ResponseTimeout,
        };

        if (_outgoingFilters.Length > 0)
        {
            return InvokeWithFilters(message);
        }

        return Send(message);
    }

    /// <summary>Routes the message to its activation (locally or on another silo) or to an observer.</summary>
    public abstract void Route(Message message);

    /// <summary>
    /// The silo that should have handled the message is gone or unreachable. Retry when that cannot run the call
    /// twice (it never left, or the method is idempotent) and time remains; otherwise fail with the reason.
    /// </summary>
    public void OnUndeliverable(Message message, SiloUnavailableException exception)
    {
        if (message.ResponseTarget is not PendingCall call)
        {
            if (message.ResponseTarget is null)
            {
                Logger.LogDebug("Dropped one-way {Call}: {Reason}", message, exception.Message);
            }
            else
            {
                message.ResponseTarget.OnException(message, exception);
            }

            return;
        }

        var delay = TimeSpan.FromMilliseconds(Math.Min(1000, 50 * (1 << Math.Min(call.Attempts, 5))));
        var canRetry = !exception.MessageWasSent || message.Method.IsIdempotent;
        if (canRetry && call.Remaining > delay && Callbacks.Find(message.Id) is not null)
        {
            call.Attempts++;
            Logger.LogDebug("Retrying {Call} in {Delay} ms (attempt {Attempt}): {Reason}", message, delay.TotalMilliseconds, call.Attempts, exception.Message);
            OnTopologySuspect(message.TargetSilo);
            message.WasSent = false;
            message.TargetSilo = null;
            message.SentOn = null;
            _ = RetryLaterAsync(message, delay);
            return;
        }

        call.OnException(message, exception.MessageWasSent && !message.Method.IsIdempotent
            ? new SiloUnavailableException(
                $"{exception.Message} The call {message} may or may not have run; it is not marked [Idempotent], so it was not resent.",
                messageWasSent: true,
                exception)
            : exception);
    }

    /// <summary>Handles a Response frame for a call this process made.</summary>
    public void HandleResponse(ReadOnlySpan<byte> payload)
    {
        var (id, status) = MessageCodec.PeekResponse(payload);
        if (Callbacks.Find(id) is not { } call)
        {
            return; // timed out or answered already
        }

        var request = call.Request;
        if (status == ResponseStatus.Ok)
        {
            object? result;
            try
            {
                result = Codec.DecodeResult(payload, request.Method);
            }
            catch (JsonException ex)
            {
                call.OnException(request, new InvalidOperationException($"The result of {request} could not be read: {ex.Message}", ex));
                return;
            }

            call.OnResult(request, result);
        }
        else
        {
            var failure = Codec.DecodeFailure(payload, status);
            if (failure is SiloUnavailableException unavailable)
            {
                OnUndeliverable(request, unavailable);
            }
            else
            {
                call.OnException(request, failure);
            }
        }
    }

    /// <summary>Runs an observer call on a local object. Observers may be called concurrently.</summary>
    public void DeliverToLocalObserver(Message message)
    {
        if (!_observers.TryGetValue(message.Target.Key, out var observer))
        {
            message.ResponseTarget?.OnException(message, new InvalidOperationException($"Observer {message.Target} no longer exists."));
            return;
        }

        ThreadPool.UnsafeQueueUserWorkItem(
            static state =>
            {
                var (m, target) = state;
                Task task;
                try
                {
                    task = m.Method.Invoker(target, m.Arguments);
                }
                catch (Exception ex)
                {
                    task = Task.FromException(ex);
                }

                task.ContinueWith(static (t, s) => ((Message)s!).ResponseTarget?.OnCompleted((Message)s!, t), m, TaskScheduler.Default);
            },
            (message, observer),
            preferLocal: false);
    }

    public static bool IsObserver(GrainId grainId) => grainId.Type == ObserverGrainType;

    public static string ObserverEndpoint(GrainId grainId)
    {
        var slash = grainId.Key.IndexOf('/');
        return slash < 0 ? grainId.Key : grainId.Key[..slash];
    }

    public virtual void Dispose() => Callbacks.Dispose();

    /// <summary>A silo looked unreachable: refresh the view sooner than the periodic refresh would.</summary>
    protected virtual void OnTopologySuspect(SiloAddress? silo)
    {
    }

    protected Task Send(Message message)
    {
        if (message.Method.IsOneWay)
        {
            Route(message);
            return Task.CompletedTask;
        }

        var completion = message.Method.CreateCompletion();
        var call = new PendingCall(message, completion, Callbacks, Stopwatch.GetTimestamp() + (long)(message.Timeout.TotalSeconds * Stopwatch.Frequency));
        message.ResponseTarget = call;
        Callbacks.Register(call);
        try
        {
            Route(message);
        }
        catch (Exception ex)
        {
            call.OnException(message, ex);
        }

        return completion.Task;
    }

    /// <summary>Sends a copy of a request that arrived here on towards its owner, relaying the outcome back.</summary>
    protected void Forward(Message original)
    {
        var copy = new Message
        {
            Target = original.Target,
            Method = original.Method,
            Arguments = original.Arguments,
            CallChain = original.CallChain,
            RequestContext = original.RequestContext,
            ForwardCount = original.ForwardCount + 1,
            Timeout = original.Timeout,
        };

        if (original.Method.IsOneWay)
        {
            Route(copy);
            return;
        }

        var call = new PendingCall(copy, new RelayCompletion(original), Callbacks, Stopwatch.GetTimestamp() + (long)(copy.Timeout.TotalSeconds * Stopwatch.Frequency));
        copy.ResponseTarget = call;
        Callbacks.Register(call);
        Route(copy);
    }

    protected void SendOn(Connection connection, Message message)
    {
        OutboundFrame frame;
        try
        {
            frame = Codec.EncodeRequest(message);
        }
        catch (Exception ex)
        {
            message.ResponseTarget?.OnException(message, ex);
            return;
        }

        message.WasSent = connection.TrySend(frame);
        message.SentOn = message.WasSent ? connection : null;
    }

    protected void SendToSilo(SiloAddress silo, Message message)
    {
        message.TargetSilo = silo;
        OutboundFrame frame;
        try
        {
            frame = Codec.EncodeRequest(message);
        }
        catch (Exception ex)
        {
            message.ResponseTarget?.OnException(message, ex);
            return;
        }

        if (Connections.TryGetEstablished(silo, out var connection))
        {
            // Marked before the send: a response may complete the call before TrySend returns.
            message.SentOn = connection;
            if (connection.TrySend(frame))
            {
                message.WasSent = true;
                return;
            }

            message.SentOn = null;
            frame = Codec.EncodeRequest(message);
        }

        _ = SendWhenConnectedAsync(silo, message, frame);
    }

    private async Task SendWhenConnectedAsync(SiloAddress silo, Message message, OutboundFrame frame)
    {
        string reason;
        try
        {
            var connection = await Connections.GetAsync(silo, EndpointOf(silo));
            message.SentOn = connection;
            if (connection.TrySend(frame))
            {
                message.WasSent = true;
                return;
            }

            message.SentOn = null;
            reason = "its connection closed";
        }
        catch (Exception ex)
        {
            frame.Return();
            reason = ex.Message;
        }

        OnUndeliverable(message, new SiloUnavailableException($"Silo {silo} is unreachable: {reason}", messageWasSent: false));
    }

    private async Task RetryLaterAsync(Message message, TimeSpan delay)
    {
        await Task.Delay(delay);
        try
        {
            Route(message);
        }
        catch (Exception ex)
        {
            message.ResponseTarget?.OnException(message, ex);
        }
    }

    private Task InvokeWithFilters(Message message)
    {
        var completion = message.Method.CreateCompletion();
        _ = RunFiltersAsync(new OutgoingCallContext(this, message, _outgoingFilters), completion);
        return completion.Task;
    }

    private static async Task RunFiltersAsync(OutgoingCallContext context, ResponseCompletion completion)
    {
        try
        {
            await context.Invoke();
            completion.TrySetResult(context.Result);
        }
        catch (Exception ex)
        {
            completion.TrySetException(ex);
        }
    }

    private sealed class OutgoingCallContext(RuntimeClientBase runtime, Message message, IOutgoingGrainCallFilter[] filters) : IGrainCallContext
    {
        private int _next;

        public GrainId TargetId => message.Target;

        public MethodInfo InterfaceMethod => message.Method.Method;

        public object?[] Arguments => message.Arguments;

        public object? Result { get; set; }

        public async Task Invoke()
        {
            if (_next < filters.Length)
            {
                await filters[_next++].Invoke(this);
                return;
            }

            // Filters may have changed RequestContext: take it as it is now.
            var outgoing = new Message
            {
                Target = message.Target,
                Method = message.Method,
                Arguments = message.Arguments,
                CallChain = message.CallChain,
                RequestContext = RequestContext.Export(),
                Timeout = message.Timeout,
            };
            var task = runtime.Send(outgoing);
            await task;
            Result = message.Method.GetResult(task);
        }
    }
}
