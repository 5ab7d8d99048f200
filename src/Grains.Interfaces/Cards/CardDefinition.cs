namespace ParkingGrains.Grains.Interfaces.Cards;

/// <summary>An access card. <see cref="LotIds"/> empty means valid in every lot.</summary>
public sealed record CardDefinition(
    string CardId,
    CardKind Kind,
    string HolderName,
    IReadOnlyList<string> Plates,
    IReadOnlyList<string> LotIds,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidTo,
    int Quota,
    bool Blocked = false,
    string? BlockReason = null);
