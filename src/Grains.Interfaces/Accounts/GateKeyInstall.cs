namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>A new gate key: only its SHA-256 hash travels to the cluster; the key itself is shown to the admin once.</summary>
public sealed record GateKeyInstall(string KeyId, byte[] KeyHash, DateTimeOffset IssuedAt);
