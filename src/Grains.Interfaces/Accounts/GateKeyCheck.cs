namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>Whether a presented key matches the gate's current key, and which key it was.</summary>
public sealed record GateKeyCheck(bool Valid, string? KeyId);
