using ParkingGrains.Grains.Interfaces.Cards;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Runtime;

namespace ParkingGrains.Grains.Cards;

public sealed class CardGrain([PersistentState("card")] IPersistentState<CardState> state) : Grain, ICardGrain
{
    public async Task Configure(CardDefinition definition)
    {
        if (definition.CardId != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Definition for card {definition.CardId} sent to card {this.GetPrimaryKeyString()}.", nameof(definition));
        }

        if (definition.ValidTo <= definition.ValidFrom || definition.Quota < 0)
        {
            throw new ArgumentException("A card must be valid for a positive period and have a non-negative quota.", nameof(definition));
        }

        state.State.Definition = definition;
        await state.WriteStateAsync();
    }

    public async Task Block(string reason)
    {
        var definition = state.State.Definition ?? throw new InvalidOperationException($"Card {this.GetPrimaryKeyString()} does not exist.");
        state.State.Definition = definition with { Blocked = true, BlockReason = reason };
        await state.WriteStateAsync();
    }

    public async Task Unblock()
    {
        var definition = state.State.Definition ?? throw new InvalidOperationException($"Card {this.GetPrimaryKeyString()} does not exist.");
        state.State.Definition = definition with { Blocked = false, BlockReason = null };
        await state.WriteStateAsync();
    }

    public Task<CardDefinition?> Get() => Task.FromResult(state.State.Definition);

    public Task<CardAuthorization> Authorize(string lotId, DateTimeOffset at)
    {
        var card = state.State.Definition;
        var result = card switch
        {
            null => Deny(DenialReason.CardUnknown, "Unknown card."),
            { Blocked: true } => Deny(DenialReason.CardBlocked, $"Card blocked: {card.BlockReason}", card),
            _ when at < card.ValidFrom || at > card.ValidTo => Deny(DenialReason.CardExpired, $"Card valid {card.ValidFrom:yyyy-MM-dd} to {card.ValidTo:yyyy-MM-dd}.", card),
            _ when card.LotIds.Count > 0 && !card.LotIds.Contains(lotId) => Deny(DenialReason.CardNotValidHere, $"Card not valid in lot {lotId}.", card),
            _ => new CardAuthorization(true, null, null, card.Kind, card.Quota),
        };
        return Task.FromResult(result);
    }

    private static CardAuthorization Deny(DenialReason reason, string text, CardDefinition? card = null) =>
        new(false, reason, text, card?.Kind ?? CardKind.Visitor, card?.Quota ?? 0);
}
