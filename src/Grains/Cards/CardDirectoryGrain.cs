using ParkingGrains.Grains.Persistence;
using ParkingGrains.Grains.Interfaces.Cards;

namespace ParkingGrains.Grains.Cards;

public sealed class CardDirectoryGrain([PersistentState("cards")] IPersistentState<CardDirectoryState> state) : Grain, ICardDirectoryGrain
{
    public async Task Register(CardRecord card)
    {
        var id = card.Definition.CardId;
        if (state.State.Cards.TryGetValue(id, out var listed) && (listed.Version > card.Version || listed == card))
        {
            return;
        }

        state.State.Cards[id] = card;
        await this.WriteOrForgetAsync(state);
    }

    public async Task Unregister(string cardId, long version)
    {
        if (state.State.Cards.TryGetValue(cardId, out var listed) && listed.Version <= version)
        {
            state.State.Cards.Remove(cardId);
            await this.WriteOrForgetAsync(state);
        }
    }

    public Task<IReadOnlyList<CardRecord>> List(string? lotId) =>
        Task.FromResult<IReadOnlyList<CardRecord>>(state.State.Cards.Values
            .Where(c => lotId is null || c.Definition.LotIds.Count == 0 || c.Definition.LotIds.Contains(lotId, StringComparer.Ordinal))
            .OrderBy(c => c.Definition.CardId, StringComparer.Ordinal)
            .ToList());
}
