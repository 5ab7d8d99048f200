namespace ParkingGrains.Grains.Interfaces.Layout;

/// <summary>A barrier gate of a lot; <paramref name="Lane"/> identifies the physical lane (0 or more).</summary>
public sealed record GateDefinition(string GateId, string Name, GateDirection Direction, int Lane);
