using Orleans;

namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>The current key of a gate, without its hash.</summary>
[GenerateSerializer]
[Immutable]
public sealed record GateKeyInfo(
    [property: Id(0)] string GateId,
    [property: Id(1)] string KeyId,
    [property: Id(2)] DateTimeOffset IssuedAt);
