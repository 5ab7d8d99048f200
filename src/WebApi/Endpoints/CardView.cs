using ParkingGrains.Grains.Interfaces.Cards;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>A card as the API shows it; <paramref name="Version"/> is also its ETag.</summary>
public sealed record CardView(
    string CardId,
    CardKind Kind,
    string HolderName,
    IReadOnlyList<string> Plates,
    IReadOnlyList<string> LotIds,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidTo,
    int Quota,
    bool Blocked,
    string? BlockReason,
    long Version)
{
    public static CardView From(CardRecord record)
    {
        var d = record.Definition;
        return new(d.CardId, d.Kind, d.HolderName, d.Plates, d.LotIds, d.ValidFrom, d.ValidTo, d.Quota, d.Blocked, d.BlockReason, record.Version);
    }
}
