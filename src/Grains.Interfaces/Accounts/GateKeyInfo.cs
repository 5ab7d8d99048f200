namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>The current key of a gate, without its hash.</summary>
public sealed record GateKeyInfo(string GateId, string KeyId, DateTimeOffset IssuedAt);
