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
    string? BlockReason = null)
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
