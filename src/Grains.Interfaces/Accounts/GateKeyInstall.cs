using Orleans;

namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>A new gate key: only its SHA-256 hash travels to the cluster; the key itself is shown to the admin once.</summary>
[GenerateSerializer]
public sealed record GateKeyInstall(
    [property: Id(0)] string KeyId,
    [property: Id(1)] byte[] KeyHash,
    [property: Id(2)] DateTimeOffset IssuedAt);
