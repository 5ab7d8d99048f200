using Orleans;

namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>Whether a presented key matches the gate's current key, and which key it was.</summary>
[GenerateSerializer]
[Immutable]
public sealed record GateKeyCheck([property: Id(0)] bool Valid, [property: Id(1)] string? KeyId);
