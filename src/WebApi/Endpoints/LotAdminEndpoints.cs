using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Domain.Layout;
using ParkingGrains.WebApi.Audit;
using ParkingGrains.WebApi.Auth;
using ParkingGrains.WebApi.Errors;

using ParkingGrains.WebApi.OpenApi;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>
/// Lots as admins manage them: create with a layout and tariff, read the configuration with its revision (ETag),
/// change name, time zone, currency and settings, and delete. Delete removes the configuration only when nobody is
/// inside and no reservation is open: the lot leaves the directory, its gates are unassigned, and its history
/// (the event log, reports) stays; the id can be created again and keeps counting tickets.
/// </summary>
internal static class LotAdminEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var lots = api.MapGroup("/lots").WithTags("Lot administration").RequireAuthorization(AuthPolicies.Admin);
        lots.MapPost("/", CreateAsync).WithSummary("Create a lot with a layout and tariff (409 if it exists)").AllowsLayoutBodies().Creates<LotConfiguration>();
        lots.MapGet("/{lotId}/configuration", GetAsync).WithSummary("Layout, tariff and revision (ETag)").Reads<LotConfiguration>();
        lots.MapPut("/{lotId}", UpdateAsync).WithSummary("Change name, time zone, currency, settings (If-Match)").Changes<LotConfiguration>();
        lots.MapDelete("/{lotId}", DeleteAsync).WithSummary("Delete an empty lot's configuration (If-Match); its history stays").Deletes();
    }

    private static async Task<IResult> CreateAsync(LotConfigurationRequest body, HttpContext http, IGrainFactory grains)
    {
        if (body.Layout is not { } layout || body.Tariff is not { } tariff)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Give both layout and tariff."] });
        }

        var idProblems = IdProblems(layout);
        if (idProblems.Count > 0 || string.IsNullOrWhiteSpace(layout.LotId))
        {
            return LayoutProblemResults.Rejected([.. idProblems, .. LayoutValidator.Validate(layout).Problems,
                .. tariff.Validate().Select(p => new LayoutProblem("tariff", "InvalidTariff", p))]);
        }

        if (await GateOwnedElsewhereAsync(grains, layout.LotId, layout.Gates ?? []) is { } taken)
        {
            return taken;
        }

        var result = await grains.GetGrain<ILotGrain>(layout.LotId).Create(layout, tariff);
        if (result.Conflict == LotConflict.AlreadyConfigured)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: result.ConflictText);
        }

        if (!result.Applied)
        {
            return LayoutProblemResults.Rejected(result.Problems);
        }

        await http.AuditAsync("lot.create", $"lot:{layout.LotId}",
            LayoutEditor.Detail($"{layout.Slots?.Count ?? 0} slots, {layout.Floors?.Count ?? 0} floors, {layout.Gates?.Count ?? 0} gates, {layout.Currency}", result.Revision));
        ETags.Set(http, result.Revision);
        return Results.Created($"/api/lots/{layout.LotId}/configuration", new LotConfiguration(layout, tariff, result.Revision));
    }

    private static async Task<IResult> GetAsync(string lotId, HttpContext http, IGrainFactory grains)
    {
        if (await grains.GetGrain<ILotGrain>(lotId).GetConfiguration() is not { } configuration)
        {
            return LotEndpoints.NotFound(lotId);
        }

        ETags.Set(http, configuration.Revision);
        return Results.Ok(configuration);
    }

    private static Task<IResult> UpdateAsync(string lotId, LotUpdateRequest body, HttpContext http, IGrainFactory grains)
    {
        if (body is { Name: null, TimeZoneId: null, Currency: null, Settings: null, Tariff: null })
        {
            return Task.FromResult(Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Give name, timeZoneId, currency, settings or tariff to change."] }));
        }

        return LayoutEditor.EditAsync(http, grains, lotId, ifMatchRequired: true, current =>
        {
            var layout = current.Layout with
            {
                Name = body.Name?.Trim() ?? current.Layout.Name,
                TimeZoneId = body.TimeZoneId?.Trim() ?? current.Layout.TimeZoneId,
                Currency = body.Currency?.Trim() ?? current.Layout.Currency,
                Settings = body.Settings ?? current.Layout.Settings,
            };
            var changed = new List<string>();
            if (layout.Name != current.Layout.Name)
            {
                changed.Add($"name={layout.Name}");
            }

            if (layout.TimeZoneId != current.Layout.TimeZoneId)
            {
                changed.Add($"timeZone={layout.TimeZoneId}");
            }

            if (layout.Currency != current.Layout.Currency)
            {
                changed.Add($"currency={layout.Currency}");
            }

            if (body.Settings is not null)
            {
                changed.Add("settings");
            }

            if (body.Tariff is not null)
            {
                changed.Add("tariff");
            }

            return LayoutEdit.Apply(layout, body.Tariff ?? current.Tariff, "lot.update", $"lot:{lotId}",
                changed.Count > 0 ? string.Join(", ", changed) : "unchanged", Results.Ok);
        });
    }

    private static async Task<IResult> DeleteAsync(string lotId, HttpContext http, IGrainFactory grains)
    {
        if (!ETags.TryRead(http.Request, out var ifMatch))
        {
            return ETags.Malformed();
        }

        if (!ifMatch.Present)
        {
            return ETags.Required($"/api/lots/{lotId}/configuration");
        }

        var lot = grains.GetGrain<ILotGrain>(lotId);
        if (await lot.GetConfiguration() is not { } current)
        {
            return LotEndpoints.NotFound(lotId);
        }

        if (!ifMatch.Matches(current.Revision))
        {
            return ETags.Stale(http, current.Revision, $"Lot {lotId} is at revision {current.Revision}; reload before deleting it.");
        }

        var result = await lot.Remove(current.Revision);
        switch (result.Conflict)
        {
            case LotConflict.None:
                await http.AuditAsync("lot.delete", $"lot:{lotId}", LayoutEditor.Detail($"{current.Layout.Name}, {current.Layout.Slots.Count} slots", result.Revision));
                ETags.Set(http, result.Revision);
                return Results.NoContent();
            case LotConflict.NotConfigured:
                return LotEndpoints.NotFound(lotId);
            case LotConflict.RevisionChanged:
                return ETags.Stale(http, result.Revision, result.ConflictText ?? "The lot was changed meanwhile.");
            default:
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The lot is not empty", detail: result.ConflictText);
        }
    }

    /// <summary>Ids that could not be addressed by the API's routes, for a layout created through it.</summary>
    public static List<LayoutProblem> IdProblems(LotLayout layout)
    {
        var problems = new List<LayoutProblem>();
        void Check(string? id, string location)
        {
            // Empty ids are the validator's to report (EmptyId); here only what would break a URL.
            if (!string.IsNullOrWhiteSpace(id) && !AdminIds.IsValid(id))
            {
                problems.Add(new LayoutProblem(location, LayoutProblemCodes.InvalidId, $"'{Echo.Bounded(id)}': {AdminIds.Rule}"));
            }
        }

        Check(layout.LotId, "$.lotId");
        for (var i = 0; i < (layout.Floors?.Count ?? 0); i++)
        {
            Check(layout.Floors![i]?.FloorId, $"$.floors[{i}].floorId");
        }

        for (var i = 0; i < (layout.Gates?.Count ?? 0); i++)
        {
            Check(layout.Gates![i]?.GateId, $"$.gates[{i}].gateId");
        }

        for (var i = 0; i < (layout.Slots?.Count ?? 0); i++)
        {
            Check(layout.Slots![i]?.SlotId, $"$.slots[{i}].slotId");
        }

        return problems;
    }

    /// <summary>409 when one of the gates belongs to another lot: a gate passes its vehicles to one lot only.</summary>
    public static async Task<IResult?> GateOwnedElsewhereAsync(IGrainFactory grains, string lotId, IEnumerable<GateDefinition?> gates)
    {
        foreach (var gate in gates.OfType<GateDefinition>().Where(g => AdminIds.IsValid(g.GateId)))
        {
            if ((await grains.GetGrain<IGateGrain>(gate.GateId).GetStatus()).LotId is { } owner && owner != lotId)
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Gate belongs to another lot",
                    detail: $"Gate {gate.GateId} belongs to lot {owner}; remove it there first or pick another id.");
            }
        }

        return null;
    }
}
