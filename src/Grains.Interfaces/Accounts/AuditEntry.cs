using Orleans;

namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>
/// One audited write: who (<paramref name="Actor"/>, e.g. "user:admin" or "gate:ber-in"), what
/// (<paramref name="Action"/> on <paramref name="Target"/>), when, and from where (<paramref name="RemoteIp"/>).
/// <paramref name="Id"/> makes a resent append harmless.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record AuditEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Action,
    [property: Id(4)] string Target,
    [property: Id(5)] string? Detail,
    [property: Id(6)] string? RemoteIp);
