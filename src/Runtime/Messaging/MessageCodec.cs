using System.Collections.Immutable;
using System.Text.Json;
using ParkingGrains.Runtime.Core;

namespace ParkingGrains.Runtime.Messaging;

/// <summary>
/// The wire format: [int32 length][byte kind][fields…]. Requests carry ids for the interface and method (stable
/// hashes of their names), the target, the call chain and request context, then the arguments as a JSON array,
/// each element encoded by its declared parameter type.
/// </summary>
internal sealed class MessageCodec(GrainInterfaceRegistry interfaces, JsonSerializerOptions json, int maxMessageSize)
{
    public const uint Magic = 0x4E524750; // "PGRN"
    public const short ProtocolVersion = 1;

    public int MaxMessageSize => maxMessageSize;

    public JsonSerializerOptions Json => json;

    public OutboundFrame EncodeHello(ConnectionRole role, string clusterId, string senderId)
    {
        var w = FrameWriter.Start(FrameKind.Hello);
        w.WriteInt32(unchecked((int)Magic));
        w.WriteInt16(ProtocolVersion);
        w.WriteByte((byte)role);
        w.WriteString(clusterId);
        w.WriteString(senderId);
        return w.Complete(maxMessageSize);
    }

    public static Hello DecodeHello(ReadOnlySpan<byte> payload)
    {
        var r = new FrameReader(payload);
        if (unchecked((uint)r.ReadInt32()) != Magic)
        {
            throw new ProtocolException("Bad magic: not a ParkingGrains peer.");
        }

        var version = r.ReadInt16();
        if (version != ProtocolVersion)
        {
            throw new ProtocolException($"Unsupported protocol version {version}.");
        }

        var role = (ConnectionRole)r.ReadByte();
        if (role is not (ConnectionRole.Silo or ConnectionRole.Client))
        {
            throw new ProtocolException($"Unknown connection role {(byte)role}.");
        }

        return new Hello(role, r.ReadRequiredString(), r.ReadRequiredString());
    }

    public OutboundFrame EncodeHelloAck(SiloAddress silo, IReadOnlyDictionary<int, string> manifest)
    {
        var w = FrameWriter.Start(FrameKind.HelloAck);
        w.WriteString(silo.ToString());
        JsonSerializer.Serialize(w.Json, manifest, json);
        return w.Complete(maxMessageSize);
    }

    public HelloAck DecodeHelloAck(ReadOnlySpan<byte> payload)
    {
        var r = new FrameReader(payload);
        var silo = ParseSilo(r.ReadRequiredString());
        var manifest = JsonSerializer.Deserialize<Dictionary<int, string>>(r.Remaining, json) ?? [];
        return new HelloAck(silo, manifest);
    }

    public OutboundFrame EncodeRequest(Message message)
    {
        var w = FrameWriter.Start(FrameKind.Request);
        w.WriteInt64(message.Id);
        w.WriteByte(message.Method.IsOneWay ? (byte)1 : (byte)0);
        w.WriteInt32(message.Method.Interface.InterfaceId);
        w.WriteInt32(message.Method.MethodId);
        w.WriteString(message.Target.Type);
        w.WriteString(message.Target.Key);
        w.WriteInt32(message.ForwardCount);
        w.WriteInt32((int)Math.Min(int.MaxValue, message.Timeout.TotalMilliseconds));
        var chain = message.CallChain ?? [];
        w.WriteInt16((short)chain.Length);
        foreach (var entry in chain)
        {
            w.WriteString(entry.Grain.Type);
            w.WriteString(entry.Grain.Key);
            w.WriteInt64(entry.RequestSequence);
        }

        var context = message.RequestContext;
        w.WriteInt16((short)(context?.Count ?? 0));
        if (context is not null)
        {
            foreach (var (key, value) in context)
            {
                w.WriteString(key);
                w.WriteString(value);
            }
        }

        var jw = w.Json;
        jw.WriteStartArray();
        var types = message.Method.ParameterTypes;
        for (var i = 0; i < types.Length; i++)
        {
            JsonSerializer.Serialize(jw, message.Arguments[i], types[i], json);
        }

        jw.WriteEndArray();
        return w.Complete(maxMessageSize);
    }

    /// <summary>Decodes a request. A well-formed frame naming an unknown method yields an error to answer, not a protocol failure.</summary>
    public DecodedRequest DecodeRequest(ReadOnlySpan<byte> payload)
    {
        var r = new FrameReader(payload);
        var id = r.ReadInt64();
        var isOneWay = r.ReadByte() == 1;
        var interfaceId = r.ReadInt32();
        var methodId = r.ReadInt32();
        var target = new GrainId(r.ReadRequiredString(), r.ReadRequiredString());
        var forwardCount = r.ReadInt32();
        var timeoutMs = r.ReadInt32();
        var chainLength = r.ReadInt16();
        if (chainLength < 0)
        {
            throw new ProtocolException("Negative call chain length.");
        }

        var chain = new CallChainEntry[chainLength];
        for (var i = 0; i < chainLength; i++)
        {
            chain[i] = new CallChainEntry(new GrainId(r.ReadRequiredString(), r.ReadRequiredString()), r.ReadInt64());
        }

        var contextCount = r.ReadInt16();
        ImmutableDictionary<string, string>? context = null;
        if (contextCount > 0)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, string>();
            for (var i = 0; i < contextCount; i++)
            {
                builder[r.ReadRequiredString()] = r.ReadRequiredString();
            }

            context = builder.ToImmutable();
        }

        var method = interfaces.Find(interfaceId)?.FindMethod(methodId);
        if (method is null)
        {
            return new DecodedRequest(id, isOneWay, null, new InvalidOperationException(
                $"Unknown grain interface method {interfaceId:x8}/{methodId:x8} for {target}: the silo and the caller run different contracts."));
        }

        object?[] arguments;
        try
        {
            arguments = ReadArguments(r.Remaining, method.ParameterTypes);
        }
        catch (JsonException ex)
        {
            return new DecodedRequest(id, isOneWay, null, new ArgumentException($"Arguments of {method.DisplayName} could not be read: {ex.Message}"));
        }

        var message = new Message
        {
            Id = id,
            Target = target,
            Method = method,
            Arguments = arguments,
            CallChain = chain,
            RequestContext = context,
            ForwardCount = forwardCount,
            Timeout = TimeSpan.FromMilliseconds(Math.Max(1, timeoutMs)),
        };
        return new DecodedRequest(id, isOneWay, message, null);
    }

    public OutboundFrame EncodeResponse(long id, InterfaceMethod method, Task completedTask)
    {
        if (!completedTask.IsCompletedSuccessfully)
        {
            return EncodeError(id, completedTask.Exception?.InnerException ?? new TaskCanceledException());
        }

        try
        {
            var w = FrameWriter.Start(FrameKind.Response);
            w.WriteInt64(id);
            w.WriteByte((byte)ResponseStatus.Ok);
            if (method.ResultType is { } resultType)
            {
                JsonSerializer.Serialize(w.Json, method.GetResult(completedTask), resultType, json);
            }

            return w.Complete(maxMessageSize);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return EncodeError(id, new InvalidOperationException($"The result of {method.DisplayName} could not be sent: {ex.Message}"));
        }
    }

    public OutboundFrame EncodeResult(long id, InterfaceMethod method, object? result)
    {
        var w = FrameWriter.Start(FrameKind.Response);
        w.WriteInt64(id);
        w.WriteByte((byte)ResponseStatus.Ok);
        if (method.ResultType is { } resultType)
        {
            JsonSerializer.Serialize(w.Json, result, resultType, json);
        }

        return w.Complete(maxMessageSize);
    }

    public OutboundFrame EncodeError(long id, Exception exception)
    {
        var w = FrameWriter.Start(FrameKind.Response);
        w.WriteInt64(id);
        if (exception is SiloUnavailableException { MessageWasSent: false })
        {
            w.WriteByte((byte)ResponseStatus.NotProcessed);
            w.WriteString(exception.Message);
        }
        else
        {
            w.WriteByte((byte)ResponseStatus.Error);
            JsonSerializer.Serialize(w.Json, ExceptionInfo.From(exception), json);
        }

        return w.Complete(maxMessageSize);
    }

    /// <summary>Reads a response for a call this process made; the method tells the result type.</summary>
    public static (long Id, ResponseStatus Status) PeekResponse(ReadOnlySpan<byte> payload)
    {
        var r = new FrameReader(payload);
        var id = r.ReadInt64();
        var status = (ResponseStatus)r.ReadByte();
        if (status is not (ResponseStatus.Ok or ResponseStatus.Error or ResponseStatus.NotProcessed))
        {
            throw new ProtocolException($"Unknown response status {(byte)status}.");
        }

        return (id, status);
    }

    public object? DecodeResult(ReadOnlySpan<byte> payload, InterfaceMethod method) =>
        method.ResultType is { } resultType ? JsonSerializer.Deserialize(payload[9..], resultType, json) : null;

    public Exception DecodeFailure(ReadOnlySpan<byte> payload, ResponseStatus status)
    {
        if (status == ResponseStatus.NotProcessed)
        {
            var r = new FrameReader(payload[9..]);
            return new SiloUnavailableException(r.ReadString() ?? "The request was not processed.", messageWasSent: false);
        }

        var info = JsonSerializer.Deserialize<ExceptionInfo>(payload[9..], json) ?? throw new ProtocolException("Empty error response.");
        return info.ToException();
    }

    public OutboundFrame EncodeControl(FrameKind kind, long id)
    {
        var w = FrameWriter.Start(kind);
        w.WriteInt64(id);
        return w.Complete(maxMessageSize);
    }

    public OutboundFrame EncodeClusterView(long id, ClusterView view)
    {
        var w = FrameWriter.Start(FrameKind.ClusterViewResponse);
        w.WriteInt64(id);
        JsonSerializer.Serialize(w.Json, view, json);
        return w.Complete(maxMessageSize);
    }

    public ClusterView DecodeClusterView(ReadOnlySpan<byte> payload) =>
        JsonSerializer.Deserialize<ClusterView>(payload[8..], json) ?? throw new ProtocolException("Empty cluster view.");

    public static long ReadId(ReadOnlySpan<byte> payload) => new FrameReader(payload).ReadInt64();

    private static SiloAddress ParseSilo(string value)
    {
        try
        {
            return SiloAddress.Parse(value);
        }
        catch (FormatException ex)
        {
            throw new ProtocolException(ex.Message);
        }
    }

    private object?[] ReadArguments(ReadOnlySpan<byte> utf8, Type[] types)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected a JSON array of arguments.");
        }

        var arguments = new object?[types.Length];
        for (var i = 0; i < types.Length; i++)
        {
            if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
            {
                throw new JsonException($"Expected {types.Length} arguments, got {i}.");
            }

            arguments[i] = JsonSerializer.Deserialize(ref reader, types[i], json);
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException($"Expected exactly {types.Length} arguments.");
        }

        return arguments;
    }
}
