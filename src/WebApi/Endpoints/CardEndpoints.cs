using ParkingGrains.Grains.Interfaces.Cards;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.WebApi.Audit;
using ParkingGrains.WebApi.Auth;

using ParkingGrains.WebApi.OpenApi;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>
/// Access cards (admins): list (all, or those valid in a lot) from the card directory, read with the version as
/// ETag, create, change with If-Match, block/unblock (commands: they do not depend on the rest of the card, so no
/// If-Match), delete with If-Match.
/// </summary>
internal static class CardEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var cards = api.MapGroup("/cards").WithTags("Cards").RequireAuthorization(AuthPolicies.Admin);
        cards.MapGet("/", ListAsync).WithSummary("Cards, optionally those valid in ?lotId=").Reads<CardView[]>();
        cards.MapGet("/{cardId}", GetAsync).WithSummary("One card (ETag: its version)").Reads<CardView>();
        cards.MapPost("/", CreateAsync).WithSummary("Create a visitor or subscriber card (409 if it exists)").Creates<CardView>();
        cards.MapPut("/{cardId}", UpdateAsync).WithSummary("Change a card (If-Match)").Changes<CardView>();
        cards.MapPost("/{cardId}/block", BlockAsync).WithSummary("Block a card with a reason").Decides<CardView>();
        cards.MapPost("/{cardId}/unblock", UnblockAsync).WithSummary("Unblock a card").Decides<CardView>();
        cards.MapDelete("/{cardId}", DeleteAsync).WithSummary("Delete a card (If-Match)").Deletes();
    }

    private static async Task<IResult> ListAsync(string? lotId, IGrainFactory grains) =>
        Results.Ok((await grains.GetGrain<ICardDirectoryGrain>(ICardDirectoryGrain.Key).List(string.IsNullOrWhiteSpace(lotId) ? null : lotId)).Select(CardView.From));

    private static async Task<IResult> GetAsync(string cardId, HttpContext http, IGrainFactory grains)
    {
        if (await grains.GetGrain<ICardGrain>(cardId).GetRecord() is not { } record)
        {
            return LotEndpoints.NotFound(cardId);
        }

        ETags.Set(http, record.Version);
        return Results.Ok(CardView.From(record));
    }

    private static async Task<IResult> CreateAsync(CardRequest body, HttpContext http, IGrainFactory grains)
    {
        var cardId = body.CardId?.Trim() ?? "";
        var kind = body.Kind ?? CardKind.Visitor;
        var definition = new CardDefinition(cardId, kind, body.HolderName?.Trim() ?? "", Trimmed(body.Plates) ?? [], Trimmed(body.LotIds) ?? [],
            body.ValidFrom ?? default, body.ValidTo ?? default, body.Quota ?? (kind == CardKind.Subscriber ? 1 : 0),
            body.Blocked ?? false, body.Blocked == true ? body.BlockReason?.Trim() : null);
        var errors = new Dictionary<string, List<string>>();
        if (!AdminIds.IsValid(cardId))
        {
            Add(errors, "cardId", AdminIds.Rule);
        }

        if (body.Kind is null)
        {
            Add(errors, "kind", "Give the kind: Visitor or Subscriber.");
        }

        if (body.ValidFrom is null || body.ValidTo is null)
        {
            Add(errors, "validTo", "Give validFrom and validTo.");
        }

        var problems = await ProblemsAsync(grains, definition, errors);
        if (problems is not null)
        {
            return problems;
        }

        var result = await grains.GetGrain<ICardGrain>(cardId).Create(definition);
        return await AnswerAsync(http, result, "card.create", cardId, Describe(definition), created: true);
    }

    private static async Task<IResult> UpdateAsync(string cardId, CardRequest body, HttpContext http, IGrainFactory grains)
    {
        if (body.CardId is { } id && id != cardId)
        {
            return LayoutReads.IdMismatch("cardId", cardId);
        }

        if (!ETags.TryRead(http.Request, out var ifMatch))
        {
            return ETags.Malformed();
        }

        if (!ifMatch.Present)
        {
            return ETags.Required($"/api/cards/{cardId}");
        }

        var card = grains.GetGrain<ICardGrain>(cardId);
        if (await card.GetRecord() is not { } current)
        {
            return LotEndpoints.NotFound(cardId);
        }

        if (!ifMatch.Matches(current.Version))
        {
            return ETags.Stale(http, current.Version, $"Card {cardId} is at version {current.Version}; your change was based on another. Reload and try again.");
        }

        var d = current.Definition;
        var blocked = body.Blocked ?? d.Blocked;
        var definition = d with
        {
            Kind = body.Kind ?? d.Kind,
            HolderName = body.HolderName?.Trim() ?? d.HolderName,
            Plates = Trimmed(body.Plates) ?? d.Plates,
            LotIds = Trimmed(body.LotIds) ?? d.LotIds,
            ValidFrom = body.ValidFrom ?? d.ValidFrom,
            ValidTo = body.ValidTo ?? d.ValidTo,
            Quota = body.Quota ?? d.Quota,
            Blocked = blocked,
            BlockReason = blocked ? body.BlockReason?.Trim() ?? d.BlockReason : null,
        };
        if (await ProblemsAsync(grains, definition, []) is { } problems)
        {
            return problems;
        }

        var result = await card.Update(definition, current.Version);
        return await AnswerAsync(http, result, "card.update", cardId, Describe(definition), created: false);
    }

    private static async Task<IResult> BlockAsync(string cardId, CardBlockRequest body, HttpContext http, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Blocking a card needs a reason."] });
        }

        var result = await grains.GetGrain<ICardGrain>(cardId).Block(body.Reason);
        return await AnswerAsync(http, result, "card.block", cardId, $"reason={body.Reason.Trim()}", created: false);
    }

    private static async Task<IResult> UnblockAsync(string cardId, HttpContext http, IGrainFactory grains) =>
        await AnswerAsync(http, await grains.GetGrain<ICardGrain>(cardId).Unblock(), "card.unblock", cardId, null, created: false);

    private static async Task<IResult> DeleteAsync(string cardId, HttpContext http, IGrainFactory grains)
    {
        if (!ETags.TryRead(http.Request, out var ifMatch))
        {
            return ETags.Malformed();
        }

        if (!ifMatch.Present)
        {
            return ETags.Required($"/api/cards/{cardId}");
        }

        var card = grains.GetGrain<ICardGrain>(cardId);
        if (await card.GetRecord() is not { } current)
        {
            return LotEndpoints.NotFound(cardId);
        }

        if (!ifMatch.Matches(current.Version))
        {
            return ETags.Stale(http, current.Version, $"Card {cardId} is at version {current.Version}; reload before deleting it.");
        }

        return await AnswerAsync(http, await card.Delete(current.Version), "card.delete", cardId, current.Definition.HolderName, created: false);
    }

    // Problems with the card itself, and lot ids that name no lot: all of them at once, by field (422).
    private static async Task<IResult?> ProblemsAsync(IGrainFactory grains, CardDefinition definition, Dictionary<string, List<string>> errors)
    {
        foreach (var problem in definition.Validate())
        {
            var colon = problem.IndexOf(':', StringComparison.Ordinal);
            Add(errors, colon > 0 ? char.ToLowerInvariant(problem[0]) + problem[1..colon] : "card", colon > 0 ? problem[(colon + 1)..].Trim() : problem);
        }

        if (definition.LotIds is { Count: > 0 } lotIds)
        {
            var known = (await grains.GetGrain<ILotDirectoryGrain>(ILotDirectoryGrain.Key).List()).Select(l => l.LotId).ToHashSet(StringComparer.Ordinal);
            foreach (var lotId in lotIds.Where(l => !string.IsNullOrWhiteSpace(l) && !known.Contains(l)))
            {
                Add(errors, "lotIds", $"There is no lot '{Errors.Echo.Bounded(lotId)}'.");
            }
        }

        return errors.Count == 0
            ? null
            : Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.Distinct().ToArray()), title: "The card was rejected; nothing was changed",
                statusCode: StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> AnswerAsync(HttpContext http, CardChangeResult result, string action, string cardId, string? detail, bool created)
    {
        switch (result.Status)
        {
            case CardChangeStatus.Applied:
                await http.AuditAsync(action, $"card:{cardId}", detail is null ? $"version={result.Version}" : $"{detail}; version={result.Version}");
                ETags.Set(http, result.Version);
                if (result.Card is not { } card)
                {
                    return Results.NoContent();
                }

                return created ? Results.Created($"/api/cards/{cardId}", CardView.From(card)) : Results.Ok(CardView.From(card));
            case CardChangeStatus.NotFound:
                return LotEndpoints.NotFound(cardId);
            case CardChangeStatus.Exists:
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: $"Card {cardId} already exists.");
            case CardChangeStatus.VersionChanged:
                return ETags.Stale(http, result.Version, string.Join(" ", result.Problems));
            default:
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["card"] = [.. result.Problems] },
                    title: "The card was rejected; nothing was changed", statusCode: StatusCodes.Status422UnprocessableEntity);
        }
    }

    private static IReadOnlyList<string>? Trimmed(IReadOnlyList<string>? values) =>
        values?.Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    private static string Describe(CardDefinition d) =>
        $"{d.Kind}, {d.HolderName}, quota {d.Quota}, valid {d.ValidFrom:yyyy-MM-dd}..{d.ValidTo:yyyy-MM-dd}" +
        (d.LotIds.Count > 0 ? $", lots {string.Join('+', d.LotIds)}" : ", every lot") + (d.Blocked ? ", blocked" : "");
}
