namespace ParkingGrains.Runtime;

/// <summary>
/// A request would wait on a non-reentrant activation that is itself waiting on this request's call chain.
/// Orleans hangs until the call timeout here; this runtime fails the call at once and names the cycle.
/// </summary>
public sealed class DeadlockException(string message, IReadOnlyList<GrainId> cycle) : Exception(message)
{
    /// <summary>Used when the exception is rebuilt from the wire (the message still names the cycle).</summary>
    public DeadlockException(string message)
        : this(message, [])
    {
    }

    public IReadOnlyList<GrainId> Cycle { get; } = cycle;
}
