using System.Collections.Immutable;

namespace ParkingGrains.Runtime.Core;

/// <summary>A grain call in flight. Locally the arguments are passed by reference (contract types are immutable records).</summary>
internal sealed class Message
{
    public long Id { get; set; }

    public required GrainId Target { get; init; }

    public required InterfaceMethod Method { get; init; }

    public required object?[] Arguments { get; init; }

    public CallChainEntry[]? CallChain { get; init; }

    public ImmutableDictionary<string, string>? RequestContext { get; init; }

    /// <summary>How often a silo passed this request on because it did not own the target; bounded to stop loops.</summary>
    public int ForwardCount { get; set; }

    public TimeSpan Timeout { get; init; }

    public IResponseTarget? ResponseTarget { get; set; }

    /// <summary>Set once bytes reached a connection: after that a lost silo means the call may have run.</summary>
    public bool WasSent { get; set; }

    /// <summary>The silo the request is on its way to (null for calls delivered in this process).</summary>
    public SiloAddress? TargetSilo { get; set; }

    /// <summary>The connection the request left on: only that connection's loss can strand it.</summary>
    public object? SentOn { get; set; }

    public override string ToString() => $"{Method.DisplayName} on {Target}";
}
