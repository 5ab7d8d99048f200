using Orleans;
using Orleans.Concurrency;
using ParkingGrains.Grains.Interfaces.Calls;

namespace ParkingGrains.Grains.Interfaces.Cards;

/// <summary>
/// The list of cards (single grain, key <see cref="Key"/>), so admins can list them; card grains keep it current
/// after each change, as lots keep the lot directory. The card grain stays the authority on a card.
/// </summary>
public interface ICardDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The key of the one directory grain.</summary>
    const string Key = "all";

    /// <summary>Adds or replaces a card; an older version than the one listed is ignored.</summary>
    [Idempotent]
    Task Register(CardRecord card);

    /// <summary>Drops a deleted card unless a newer version is listed.</summary>
    [Idempotent]
    Task Unregister(string cardId, long version);

    /// <summary>Cards ordered by id; with <paramref name="lotId"/>, those valid there (listing it, or valid in every lot).</summary>
    [ReadOnly]
    Task<IReadOnlyList<CardRecord>> List(string? lotId);
}
