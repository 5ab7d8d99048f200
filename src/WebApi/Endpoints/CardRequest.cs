using ParkingGrains.Grains.Interfaces.Cards;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>
/// A card to create (id, kind, holder and validity required; quota defaults to 1 for subscribers, 0 for visitors) or
/// change (fields left null stay as they are). <paramref name="LotIds"/> empty: valid in every lot.
/// </summary>
public sealed record CardRequest(
    string? CardId,
    CardKind? Kind,
    string? HolderName,
    IReadOnlyList<string>? Plates,
    IReadOnlyList<string>? LotIds,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo,
    int? Quota,
    bool? Blocked,
    string? BlockReason);
