namespace ParkingGrains.Grains.Interfaces.Cards;

/// <summary>A card as stored, with its version: every change (including block and delete) increases it.</summary>
public sealed record CardRecord(CardDefinition Definition, long Version);
