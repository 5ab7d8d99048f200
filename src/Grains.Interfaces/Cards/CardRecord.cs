using Orleans;

namespace ParkingGrains.Grains.Interfaces.Cards;

/// <summary>A card as stored, with its version: every change (including block and delete) increases it.</summary>
[GenerateSerializer]
[Immutable]
public sealed record CardRecord([property: Id(0)] CardDefinition Definition, [property: Id(1)] long Version);
