using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.WebApi.Auth;

using ParkingGrains.WebApi.OpenApi;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>
/// A lot's gates as configured (/api/lots/{lotId}/layout/gates; live gate status is /api/gates/{gateId}). Every slot
/// needs a distance to every gate, so adding a gate takes distances per slot or a default, and deleting one drops
/// its distances too. The lot assigns added gates and unassigns deleted ones.
/// </summary>
internal static class GateLayoutEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var gates = api.MapGroup("/lots/{lotId}/layout/gates").WithTags("Lot administration").RequireAuthorization(AuthPolicies.Admin);
        gates.MapGet("/", (string lotId, HttpContext http, IGrainFactory grains) =>
            LayoutReads.ReadAsync(http, grains, lotId, c => Results.Ok(c.Layout.Gates))).WithSummary("Gates (ETag: the lot's revision)").Reads<GateDefinition[]>();
        gates.MapGet("/{gateId}", (string lotId, string gateId, HttpContext http, IGrainFactory grains) =>
            LayoutReads.ReadAsync(http, grains, lotId, c => Find(c, gateId) is { } gate ? Results.Ok(gate) : LotEndpoints.NotFound(gateId))).WithSummary("One gate").Reads<GateDefinition>();
        gates.MapPost("/", CreateAsync).WithSummary("Add a gate with its distance to every slot").Creates<GateDefinition>();
        gates.MapPut("/{gateId}", UpdateAsync).WithSummary("Change a gate's name, direction, lane or slot distances (If-Match)").Changes<GateDefinition>();
        gates.MapDelete("/{gateId}", DeleteAsync).WithSummary("Delete a gate and its distances (If-Match)").Deletes();
    }

    private static async Task<IResult> CreateAsync(string lotId, GateRequest body, HttpContext http, IGrainFactory grains)
    {
        var gateId = body.GateId?.Trim() ?? "";
        if (await LotAdminEndpoints.GateOwnedElsewhereAsync(grains, lotId, [new GateDefinition(gateId, "", GateDirection.Both, 0)]) is { } taken)
        {
            return taken;
        }

        return await LayoutEditor.EditAsync(http, grains, lotId, ifMatchRequired: false, current =>
        {
            var gate = new GateDefinition(gateId, body.Name?.Trim() ?? "", body.Direction ?? GateDirection.Both, body.Lane ?? 0);
            var problems = UnknownSlots(current, body.SlotDistances);
            if (!AdminIds.IsValid(gate.GateId))
            {
                problems.Insert(0, new LayoutProblem("$.gateId", LayoutProblemCodes.InvalidId, $"'{Errors.Echo.Bounded(gate.GateId)}': {AdminIds.Rule}"));
            }

            if (gate.Name.Length == 0)
            {
                problems.Add(new LayoutProblem("$.name", LayoutProblemCodes.EmptyName, "The gate needs a name."));
            }

            if (body.Direction is null)
            {
                problems.Add(new LayoutProblem("$.direction", LayoutProblemCodes.UnknownValue, "Give the direction: In, Out or Both."));
            }

            var layout = current.Layout with
            {
                Gates = [.. current.Layout.Gates, gate],
                Slots = [.. current.Layout.Slots.Select(s => WithDistance(s, gateId, body.SlotDistances, body.DefaultDistance))],
            };
            return LayoutEdit.Apply(layout, current.Tariff, "lot.gate.create", $"lot:{lotId}/gate:{gateId}", $"{gate.Name}, {gate.Direction}, lane {gate.Lane}",
                _ => Results.Created($"/api/lots/{lotId}/layout/gates/{gateId}", gate), problems);
        });
    }

    private static Task<IResult> UpdateAsync(string lotId, string gateId, GateRequest body, HttpContext http, IGrainFactory grains)
    {
        if (body.GateId is { } id && id != gateId)
        {
            return Task.FromResult(LayoutReads.IdMismatch("gateId", gateId));
        }

        return LayoutEditor.EditAsync(http, grains, lotId, ifMatchRequired: true, current =>
        {
            if (Find(current, gateId) is not { } gate)
            {
                return LayoutEdit.Refuse(LotEndpoints.NotFound(gateId));
            }

            var problems = UnknownSlots(current, body.SlotDistances);
            if (body.Name is { } name && string.IsNullOrWhiteSpace(name))
            {
                problems.Add(new LayoutProblem("$.name", LayoutProblemCodes.EmptyName, "The gate needs a name."));
            }

            var changed = gate with { Name = body.Name?.Trim() ?? gate.Name, Direction = body.Direction ?? gate.Direction, Lane = body.Lane ?? gate.Lane };
            var layout = current.Layout with
            {
                Gates = [.. current.Layout.Gates.Select(g => g.GateId == gateId ? changed : g)],
                Slots = body.SlotDistances is null ? current.Layout.Slots : [.. current.Layout.Slots.Select(s => WithDistance(s, gateId, body.SlotDistances, null))],
            };
            var detail = $"{changed.Name}, {changed.Direction}, lane {changed.Lane}" + (body.SlotDistances is { Count: > 0 } d ? $", {d.Count} distance(s)" : "");
            return LayoutEdit.Apply(layout, current.Tariff, "lot.gate.update", $"lot:{lotId}/gate:{gateId}", detail, _ => Results.Ok(changed), problems);
        });
    }

    private static Task<IResult> DeleteAsync(string lotId, string gateId, HttpContext http, IGrainFactory grains) =>
        LayoutEditor.EditAsync(http, grains, lotId, ifMatchRequired: true, current =>
        {
            if (Find(current, gateId) is null)
            {
                return LayoutEdit.Refuse(LotEndpoints.NotFound(gateId));
            }

            var layout = current.Layout with
            {
                Gates = [.. current.Layout.Gates.Where(g => g.GateId != gateId)],
                Slots = [.. current.Layout.Slots.Select(s => s with { GateDistances = s.GateDistances.Where(d => d.Key != gateId).ToDictionary(StringComparer.Ordinal) })],
            };
            return LayoutEdit.Apply(layout, current.Tariff, "lot.gate.delete", $"lot:{lotId}/gate:{gateId}", null, _ => Results.NoContent());
        });

    private static GateDefinition? Find(LotConfiguration configuration, string gateId) =>
        configuration.Layout.Gates.FirstOrDefault(g => g.GateId == gateId);

    private static List<LayoutProblem> UnknownSlots(LotConfiguration current, IReadOnlyDictionary<string, double>? distances) =>
        (distances ?? new Dictionary<string, double>()).Keys
            .Where(slotId => current.Layout.Slots.All(s => s.SlotId != slotId))
            .Order(StringComparer.Ordinal)
            .Select(slotId => new LayoutProblem($"$.slotDistances.{Errors.Echo.Bounded(slotId)}", "UnknownSlot", $"Lot {current.Layout.LotId} has no slot '{Errors.Echo.Bounded(slotId)}'."))
            .ToList();

    // A slot the request does not name keeps its distance, or gets the default when the gate is new.
    private static SlotDefinition WithDistance(SlotDefinition slot, string gateId, IReadOnlyDictionary<string, double>? distances, double? fallback)
    {
        double? metres = distances is not null && distances.TryGetValue(slot.SlotId, out var given) ? given : fallback;
        if (metres is not { } value)
        {
            return slot;
        }

        var updated = new Dictionary<string, double>(slot.GateDistances, StringComparer.Ordinal) { [gateId] = value };
        return slot with { GateDistances = updated };
    }
}
