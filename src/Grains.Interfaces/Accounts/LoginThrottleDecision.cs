using Orleans;

namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>Whether a login attempt may go ahead; when not, how long until one may (<paramref name="RetryAfter"/>).</summary>
[GenerateSerializer]
[Immutable]
public sealed record LoginThrottleDecision([property: Id(0)] bool Allowed, [property: Id(1)] TimeSpan RetryAfter)
{
    public static LoginThrottleDecision Allow { get; } = new(true, TimeSpan.Zero);
}
