using Orleans;

namespace ParkingGrains.Grains.Interfaces.Cards;

/// <summary>An access card. <see cref="LotIds"/> empty means valid in every lot.</summary>
[GenerateSerializer]
[Immutable]
public sealed record CardDefinition(
    [property: Id(0)] string CardId,
    [property: Id(1)] CardKind Kind,
    [property: Id(2)] string HolderName,
    [property: Id(3)] IReadOnlyList<string> Plates,
    [property: Id(4)] IReadOnlyList<string> LotIds,
    [property: Id(5)] DateTimeOffset ValidFrom,
    [property: Id(6)] DateTimeOffset ValidTo,
    [property: Id(7)] int Quota,
    [property: Id(8)] bool Blocked = false,
    [property: Id(9)] string? BlockReason = null)
{
    /// <summary>Every problem with this card, one "Field: message" line each; empty when valid. Tolerates nulls (JSON).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(CardId) || CardId.Trim().Length != CardId.Length)
        {
            problems.Add("CardId: is required, without leading or trailing spaces.");
        }

        if (!Enum.IsDefined(Kind))
        {
            problems.Add($"Kind: {(int)Kind} is not a card kind (Visitor, Subscriber).");
        }

        if (string.IsNullOrWhiteSpace(HolderName))
        {
            problems.Add("HolderName: is required.");
        }

        if (Plates is null || Plates.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("Plates: must be a list of non-empty plates (it may be empty).");
        }

        if (LotIds is null || LotIds.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("LotIds: must be a list of lot ids (empty means every lot).");
        }

        if (ValidTo <= ValidFrom)
        {
            problems.Add("ValidTo: must be after ValidFrom.");
        }

        if (Quota < 0)
        {
            problems.Add($"Quota: must not be negative (is {Quota}).");
        }
        else if (Kind == CardKind.Subscriber && Quota < 1)
        {
            problems.Add("Quota: a subscriber card needs a quota of at least one vehicle inside at once.");
        }

        return problems;
    }
}
