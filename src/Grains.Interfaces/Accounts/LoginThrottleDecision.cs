namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>Whether a login attempt may go ahead; when not, how long until one may (<paramref name="RetryAfter"/>).</summary>
public sealed record LoginThrottleDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static LoginThrottleDecision Allow { get; } = new(true, TimeSpan.Zero);
}
