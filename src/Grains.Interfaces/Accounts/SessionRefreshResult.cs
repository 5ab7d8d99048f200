namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>The outcome of a refresh; <paramref name="Grant"/> is set only when it was <see cref="SessionRefreshOutcome.Rotated"/>.</summary>
public sealed record SessionRefreshResult(SessionRefreshOutcome Outcome, SessionGrant? Grant)
{
    public static SessionRefreshResult Reused { get; } = new(SessionRefreshOutcome.Reused, null);

    public static SessionRefreshResult Invalid { get; } = new(SessionRefreshOutcome.Invalid, null);
}
