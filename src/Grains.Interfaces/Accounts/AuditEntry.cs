namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>
/// One audited write: who (<paramref name="Actor"/>, e.g. "user:admin" or "gate:ber-in"), what
/// (<paramref name="Action"/> on <paramref name="Target"/>), when, and from where (<paramref name="RemoteIp"/>).
/// <paramref name="Id"/> makes a resent append harmless.
/// </summary>
public sealed record AuditEntry(
    string Id,
    DateTimeOffset At,
    string Actor,
    string Action,
    string Target,
    string? Detail,
    string? RemoteIp);
