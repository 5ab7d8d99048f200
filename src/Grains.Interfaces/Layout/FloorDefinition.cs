namespace ParkingGrains.Grains.Interfaces.Layout;

/// <summary>A floor of a lot; <paramref name="Level"/> is 0 at street level, negative below.</summary>
public sealed record FloorDefinition(string FloorId, string Name, int Level);
