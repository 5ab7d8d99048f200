using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Domain.Layout;
using ParkingGrains.WebApi.Audit;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>
/// Every change to a lot's floors, gates, slots, settings or tariff goes the same way: read the configuration,
/// check the caller's If-Match against its revision, make the new layout, and apply it whole with
/// <see cref="ILotGrain.Reconfigure"/> at the revision it was made from — so the validator sees every change,
/// nothing is half-applied, and two admins editing at once cannot overwrite each other.
/// </summary>
internal static class LayoutEditor
{
    // A change made without If-Match (a pure addition, e.g. a new slot) is redone on the fresh layout when another
    // change slipped in between our read and our write; with If-Match the caller decides, so it gets 412.
    private const int Attempts = 3;

    public static async Task<IResult> EditAsync(HttpContext http, IGrainFactory grains, string lotId, bool ifMatchRequired, Func<LotConfiguration, LayoutEdit> edit)
    {
        if (!ETags.TryRead(http.Request, out var ifMatch))
        {
            return ETags.Malformed();
        }

        if (ifMatchRequired && !ifMatch.Present)
        {
            return ETags.Required($"/api/lots/{lotId}/configuration");
        }

        var lot = grains.GetGrain<ILotGrain>(lotId);
        for (var attempt = 1; ; attempt++)
        {
            if (await lot.GetConfiguration() is not { } current)
            {
                return LotEndpoints.NotFound(lotId);
            }

            if (!ifMatch.Matches(current.Revision))
            {
                return ETags.Stale(http, current.Revision, $"Lot {lotId} is at revision {current.Revision}; your change was based on another. Reload and try again.");
            }

            var change = edit(current);
            if (change.Refusal is { } refusal)
            {
                return refusal;
            }

            if (change.RequestProblems.Count > 0)
            {
                // Listed together with what the validator finds, so the caller sees every problem at once.
                return LayoutProblemResults.Rejected([.. change.RequestProblems, .. Validate(change)], change.Layout);
            }

            var result = await lot.Reconfigure(change.Layout, change.Tariff, current.Revision);
            if (result.Applied)
            {
                await http.AuditAsync(change.AuditAction, change.AuditTarget, Detail(change.AuditDetail, result.Revision));
                ETags.Set(http, result.Revision);
                return change.Success(new LotConfiguration(change.Layout, change.Tariff, result.Revision));
            }

            switch (result.Conflict)
            {
                case LotConflict.RevisionChanged when !ifMatch.IsSpecific && attempt < Attempts:
                    continue;
                case LotConflict.RevisionChanged:
                    return ETags.Stale(http, result.Revision, result.ConflictText ?? "The lot was changed meanwhile.");
                case LotConflict.NotConfigured:
                    return LotEndpoints.NotFound(lotId);
                default:
                    return LayoutProblemResults.Rejected(result.Problems, change.Layout);
            }
        }
    }

    public static string Detail(string? detail, long revision) => detail is null ? $"revision={revision}" : $"{detail}; revision={revision}";

    private static IEnumerable<LayoutProblem> Validate(LayoutEdit change) =>
        LayoutValidator.Validate(change.Layout).Problems
            .Concat(change.Tariff.Validate().Select(p => new LayoutProblem("tariff", "InvalidTariff", p)));
}
