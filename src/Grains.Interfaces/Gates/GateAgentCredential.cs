using Orleans.Runtime;

namespace ParkingGrains.Grains.Interfaces.Gates;

/// <summary>
/// How a gate agent proves which gate it is on the cluster path: its per-gate key (the same key the REST path takes in
/// <c>X-Gate-Key</c>) travels in the Orleans request context of every call it makes, and the gate grain checks its hash
/// with the gate's <see cref="Accounts.IGateKeyGrain"/>. A rotated-out key stops working at once.
/// </summary>
public static class GateAgentCredential
{
    public const string RequestContextKey = "pg-gate-key";

    /// <summary>Sets the key for the calls that follow on this async flow (the agent does it once per call).</summary>
    public static void Attach(string key) => RequestContext.Set(RequestContextKey, key);

    public static string? Presented() => RequestContext.Get(RequestContextKey) as string;
}
