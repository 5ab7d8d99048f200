using Orleans;

namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>The outcome of a refresh; <paramref name="Grant"/> is set only when it was <see cref="SessionRefreshOutcome.Rotated"/>.</summary>
[GenerateSerializer]
[Immutable]
public sealed record SessionRefreshResult(
    [property: Id(0)] SessionRefreshOutcome Outcome,
    [property: Id(1)] SessionGrant? Grant)
{
    public static SessionRefreshResult Reused { get; } = new(SessionRefreshOutcome.Reused, null);

    public static SessionRefreshResult Invalid { get; } = new(SessionRefreshOutcome.Invalid, null);
}
