using ParkingGrains.Grains.Interfaces.Validation;
using ParkingGrains.Grains.Persistence;
using ParkingGrains.Grains.Interfaces.Cards;
using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.Grains.Cards;

/// <summary>
/// One card: the authority on its definition. Each change is written first and then listed in the card directory,
/// so the directory can lag a failed call behind but never shows a change that did not happen.
/// </summary>
public sealed class CardGrain([PersistentState("card")] IPersistentState<CardState> state) : Grain, ICardGrain
{
    private string CardId => this.GetPrimaryKeyString();

    public async Task Configure(CardDefinition definition)
    {
        if (Problems(definition) is { Count: > 0 } problems)
        {
            throw new InvalidCommandException([.. problems.Select(p => new FieldProblem("card", p))]);
        }

        await SaveAsync(definition);
    }

    public async Task<CardChangeResult> Create(CardDefinition definition)
    {
        if (state.State.Definition is not null)
        {
            return Refused(CardChangeStatus.Exists, $"Card {CardId} already exists.");
        }

        return Problems(definition) is { Count: > 0 } problems ? Refused(CardChangeStatus.Invalid, problems) : await SaveAsync(definition);
    }

    public async Task<CardChangeResult> Update(CardDefinition definition, long expectedVersion)
    {
        if (state.State.Definition is null)
        {
            return Refused(CardChangeStatus.NotFound, $"Card {CardId} does not exist.");
        }

        if (state.State.Version != expectedVersion)
        {
            return Refused(CardChangeStatus.VersionChanged, $"Card {CardId} is at version {state.State.Version}, not {expectedVersion}: it was changed meanwhile.");
        }

        return Problems(definition) is { Count: > 0 } problems ? Refused(CardChangeStatus.Invalid, problems) : await SaveAsync(definition);
    }

    public async Task<CardChangeResult> Block(string reason)
    {
        if (state.State.Definition is not { } definition)
        {
            return Refused(CardChangeStatus.NotFound, $"Card {CardId} does not exist.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refused(CardChangeStatus.Invalid, "Reason: blocking a card needs a reason.");
        }

        return await SaveAsync(definition with { Blocked = true, BlockReason = reason.Trim() });
    }

    public async Task<CardChangeResult> Unblock()
    {
        if (state.State.Definition is not { } definition)
        {
            return Refused(CardChangeStatus.NotFound, $"Card {CardId} does not exist.");
        }

        return await SaveAsync(definition with { Blocked = false, BlockReason = null });
    }

    public async Task<CardChangeResult> Delete(long expectedVersion)
    {
        if (state.State.Definition is null)
        {
            return Refused(CardChangeStatus.NotFound, $"Card {CardId} does not exist.");
        }

        if (state.State.Version != expectedVersion)
        {
            return Refused(CardChangeStatus.VersionChanged, $"Card {CardId} is at version {state.State.Version}, not {expectedVersion}: it was changed meanwhile.");
        }

        // The row stays with its version, so a card re-created under this id continues the count.
        state.State.Definition = null;
        state.State.Version++;
        await this.WriteOrForgetAsync(state);
        await GrainFactory.GetGrain<ICardDirectoryGrain>(ICardDirectoryGrain.Key).Unregister(CardId, state.State.Version);
        return new CardChangeResult(CardChangeStatus.Applied, [], null, state.State.Version);
    }

    public Task<CardDefinition?> Get() => Task.FromResult(state.State.Definition);

    public Task<CardRecord?> GetRecord() =>
        Task.FromResult(state.State.Definition is { } definition ? new CardRecord(definition, state.State.Version) : null);

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

    private IReadOnlyList<string> Problems(CardDefinition definition)
    {
        if (definition is null)
        {
            return ["The card definition is missing."];
        }

        var problems = definition.Validate().ToList();
        if (definition.CardId != CardId)
        {
            problems.Insert(0, $"CardId: the definition is for card '{definition.CardId}', not '{CardId}'.");
        }

        return problems;
    }

    private async Task<CardChangeResult> SaveAsync(CardDefinition definition)
    {
        state.State.Definition = definition;
        state.State.Version++;
        await this.WriteOrForgetAsync(state);
        var record = new CardRecord(definition, state.State.Version);
        await GrainFactory.GetGrain<ICardDirectoryGrain>(ICardDirectoryGrain.Key).Register(record);
        return new CardChangeResult(CardChangeStatus.Applied, [], record, record.Version);
    }

    private CardChangeResult Refused(CardChangeStatus status, string problem) => Refused(status, [problem]);

    private CardChangeResult Refused(CardChangeStatus status, IReadOnlyList<string> problems) =>
        new(status, problems, state.State.Definition is { } definition ? new CardRecord(definition, state.State.Version) : null, state.State.Version);

    private static CardAuthorization Deny(DenialReason reason, string text, CardDefinition? card = null) =>
        new(false, reason, text, card?.Kind ?? CardKind.Visitor, card?.Quota ?? 0);
}
