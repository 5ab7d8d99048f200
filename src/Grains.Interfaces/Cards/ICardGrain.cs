using Orleans;
using Orleans.Concurrency;

namespace ParkingGrains.Grains.Interfaces.Cards;

/// <summary>One access card (key: card id). Every change is listed in the <see cref="ICardDirectoryGrain"/>.</summary>
public interface ICardGrain : IGrainWithStringKey
{
    /// <summary>Sets the definition whatever is there now (seeding, imports); throws on an invalid definition.</summary>
    Task Configure(CardDefinition definition);

    /// <summary>Creates the card if there is none with this id; otherwise <see cref="CardChangeStatus.Exists"/>.</summary>
    Task<CardChangeResult> Create(CardDefinition definition);

    /// <summary>Replaces the definition if the card is still at <paramref name="expectedVersion"/>.</summary>
    Task<CardChangeResult> Update(CardDefinition definition, long expectedVersion);

    Task<CardChangeResult> Block(string reason);

    Task<CardChangeResult> Unblock();

    /// <summary>Deletes the card if it is still at <paramref name="expectedVersion"/>; its version keeps counting.</summary>
    Task<CardChangeResult> Delete(long expectedVersion);

    [ReadOnly]
    Task<CardDefinition?> Get();

    [ReadOnly]
    Task<CardRecord?> GetRecord();

    [ReadOnly]
    Task<CardAuthorization> Authorize(string lotId, DateTimeOffset at);
}
