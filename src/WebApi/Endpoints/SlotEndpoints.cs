using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.WebApi.Auth;

using ParkingGrains.WebApi.OpenApi;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>
/// A lot's slots as configured (/api/lots/{lotId}/layout/slots, with gate distances; the live slot map with status is
/// /api/lots/{lotId}/slots). Writes go through <see cref="LayoutEditor"/>; the lot refuses to drop a slot that holds
/// a vehicle (409).
/// </summary>
internal static class SlotEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var slots = api.MapGroup("/lots/{lotId}/layout/slots").WithTags("Lot administration").RequireAuthorization(AuthPolicies.Admin);
        slots.MapGet("/", (string lotId, string? floorId, HttpContext http, IGrainFactory grains) =>
            LayoutReads.ReadAsync(http, grains, lotId, c => Results.Ok(c.Layout.Slots.Where(s => floorId is null || s.FloorId == floorId))))
            .WithSummary("Slots with gate distances, optionally of one floor (ETag: the lot's revision)").Reads<SlotDefinition[]>();
        slots.MapGet("/{slotId}", (string lotId, string slotId, HttpContext http, IGrainFactory grains) =>
            LayoutReads.ReadAsync(http, grains, lotId, c => Find(c, slotId) is { } slot ? Results.Ok(slot) : LotEndpoints.NotFound(slotId))).WithSummary("One slot").Reads<SlotDefinition>();
        slots.MapPost("/", CreateAsync).WithSummary("Add a slot").Creates<SlotDefinition>();
        slots.MapPut("/{slotId}", UpdateAsync).WithSummary("Change a slot (If-Match)").Changes<SlotDefinition>();
        slots.MapDelete("/{slotId}", DeleteAsync).WithSummary("Delete a slot that holds no vehicle (If-Match)").Deletes();
    }

    private static Task<IResult> CreateAsync(string lotId, SlotRequest body, HttpContext http, IGrainFactory grains) =>
        LayoutEditor.EditAsync(http, grains, lotId, ifMatchRequired: false, current =>
        {
            var slotId = body.SlotId?.Trim() ?? "";
            var problems = new List<LayoutProblem>();
            if (!AdminIds.IsValid(slotId))
            {
                problems.Add(new LayoutProblem("$.slotId", LayoutProblemCodes.InvalidId, $"'{Errors.Echo.Bounded(slotId)}': {AdminIds.Rule}"));
            }

            if (body.Size is null)
            {
                problems.Add(new LayoutProblem("$.size", LayoutProblemCodes.MissingSize, "Give the size: Motorcycle, Car, Van or Bus."));
            }

            var slot = new SlotDefinition(slotId, body.FloorId ?? "", body.Number?.Trim() ?? "", body.Size ?? default, body.Ev ?? false, body.Accessible ?? false,
                new Dictionary<string, double>(body.GateDistances ?? new Dictionary<string, double>(), StringComparer.Ordinal));
            var layout = current.Layout with { Slots = [.. current.Layout.Slots, slot] };
            return LayoutEdit.Apply(layout, current.Tariff, "lot.slot.create", $"lot:{lotId}/slot:{slotId}", Describe(slot),
                _ => Results.Created($"/api/lots/{lotId}/layout/slots/{slotId}", slot), problems);
        });

    private static Task<IResult> UpdateAsync(string lotId, string slotId, SlotRequest body, HttpContext http, IGrainFactory grains)
    {
        if (body.SlotId is { } id && id != slotId)
        {
            return Task.FromResult(LayoutReads.IdMismatch("slotId", slotId));
        }

        return LayoutEditor.EditAsync(http, grains, lotId, ifMatchRequired: true, current =>
        {
            if (Find(current, slotId) is not { } slot)
            {
                return LayoutEdit.Refuse(LotEndpoints.NotFound(slotId));
            }

            var changed = slot with
            {
                FloorId = body.FloorId ?? slot.FloorId,
                Number = body.Number?.Trim() ?? slot.Number,
                Size = body.Size ?? slot.Size,
                Ev = body.Ev ?? slot.Ev,
                Accessible = body.Accessible ?? slot.Accessible,
                GateDistances = body.GateDistances is { } distances ? new Dictionary<string, double>(distances, StringComparer.Ordinal) : slot.GateDistances,
            };
            var layout = current.Layout with { Slots = [.. current.Layout.Slots.Select(s => s.SlotId == slotId ? changed : s)] };
            return LayoutEdit.Apply(layout, current.Tariff, "lot.slot.update", $"lot:{lotId}/slot:{slotId}", Describe(changed), _ => Results.Ok(changed));
        });
    }

    private static Task<IResult> DeleteAsync(string lotId, string slotId, HttpContext http, IGrainFactory grains) =>
        LayoutEditor.EditAsync(http, grains, lotId, ifMatchRequired: true, current =>
        {
            if (Find(current, slotId) is null)
            {
                return LayoutEdit.Refuse(LotEndpoints.NotFound(slotId));
            }

            var layout = current.Layout with { Slots = [.. current.Layout.Slots.Where(s => s.SlotId != slotId)] };
            return LayoutEdit.Apply(layout, current.Tariff, "lot.slot.delete", $"lot:{lotId}/slot:{slotId}", null, _ => Results.NoContent());
        });

    private static SlotDefinition? Find(LotConfiguration configuration, string slotId) =>
        configuration.Layout.Slots.FirstOrDefault(s => s.SlotId == slotId);

    private static string Describe(SlotDefinition slot) =>
        $"floor {slot.FloorId}, number {slot.Number}, {slot.Size}" + (slot.Ev ? ", EV" : "") + (slot.Accessible ? ", accessible" : "");
}
