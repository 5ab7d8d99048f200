using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.WebApi.Auth;

using ParkingGrains.WebApi.OpenApi;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>
/// A lot's floors as configured (/api/lots/{lotId}/layout/floors). Writes go through <see cref="LayoutEditor"/>;
/// a floor that still has slots cannot be deleted (409).
/// </summary>
internal static class FloorEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var floors = api.MapGroup("/lots/{lotId}/layout/floors").WithTags("Lot administration").RequireAuthorization(AuthPolicies.Admin);
        floors.MapGet("/", (string lotId, HttpContext http, IGrainFactory grains) =>
            LayoutReads.ReadAsync(http, grains, lotId, c => Results.Ok(c.Layout.Floors))).WithSummary("Floors (ETag: the lot's revision)").Reads<FloorDefinition[]>();
        floors.MapGet("/{floorId}", (string lotId, string floorId, HttpContext http, IGrainFactory grains) =>
            LayoutReads.ReadAsync(http, grains, lotId, c => Find(c, floorId) is { } floor ? Results.Ok(floor) : LotEndpoints.NotFound(floorId))).WithSummary("One floor").Reads<FloorDefinition>();
        floors.MapPost("/", CreateAsync).WithSummary("Add a floor").Creates<FloorDefinition>();
        floors.MapPut("/{floorId}", UpdateAsync).WithSummary("Change a floor's name or level (If-Match)").Changes<FloorDefinition>();
        floors.MapDelete("/{floorId}", DeleteAsync).WithSummary("Delete a floor without slots (If-Match)").Deletes();
    }

    private static Task<IResult> CreateAsync(string lotId, FloorRequest body, HttpContext http, IGrainFactory grains) =>
        LayoutEditor.EditAsync(http, grains, lotId, ifMatchRequired: false, current =>
        {
            var floor = new FloorDefinition(body.FloorId?.Trim() ?? "", body.Name?.Trim() ?? "", body.Level ?? 0);
            var layout = current.Layout with { Floors = [.. current.Layout.Floors, floor] };
            var problems = new List<LayoutProblem>();
            if (!AdminIds.IsValid(floor.FloorId))
            {
                problems.Add(new LayoutProblem("$.floorId", LayoutProblemCodes.InvalidId, $"'{Errors.Echo.Bounded(floor.FloorId)}': {AdminIds.Rule}"));
            }

            if (floor.Name.Length == 0)
            {
                problems.Add(new LayoutProblem("$.name", LayoutProblemCodes.EmptyName, "The floor needs a name."));
            }

            return LayoutEdit.Apply(layout, current.Tariff, "lot.floor.create", $"lot:{lotId}/floor:{floor.FloorId}", $"{floor.Name}, level {floor.Level}",
                _ => Results.Created($"/api/lots/{lotId}/layout/floors/{floor.FloorId}", floor), problems);
        });

    private static Task<IResult> UpdateAsync(string lotId, string floorId, FloorRequest body, HttpContext http, IGrainFactory grains)
    {
        if (body.FloorId is { } id && id != floorId)
        {
            return Task.FromResult(LayoutReads.IdMismatch("floorId", floorId));
        }

        return LayoutEditor.EditAsync(http, grains, lotId, ifMatchRequired: true, current =>
        {
            if (Find(current, floorId) is not { } floor)
            {
                return LayoutEdit.Refuse(LotEndpoints.NotFound(floorId));
            }

            var problems = new List<LayoutProblem>();
            if (body.Name is { } name && string.IsNullOrWhiteSpace(name))
            {
                problems.Add(new LayoutProblem("$.name", LayoutProblemCodes.EmptyName, "The floor needs a name."));
            }

            var changed = floor with { Name = body.Name?.Trim() ?? floor.Name, Level = body.Level ?? floor.Level };
            var layout = current.Layout with { Floors = [.. current.Layout.Floors.Select(f => f.FloorId == floorId ? changed : f)] };
            return LayoutEdit.Apply(layout, current.Tariff, "lot.floor.update", $"lot:{lotId}/floor:{floorId}", $"{changed.Name}, level {changed.Level}",
                _ => Results.Ok(changed), problems);
        });
    }

    private static Task<IResult> DeleteAsync(string lotId, string floorId, HttpContext http, IGrainFactory grains) =>
        LayoutEditor.EditAsync(http, grains, lotId, ifMatchRequired: true, current =>
        {
            if (Find(current, floorId) is null)
            {
                return LayoutEdit.Refuse(LotEndpoints.NotFound(floorId));
            }

            var slots = current.Layout.Slots.Count(s => s.FloorId == floorId);
            if (slots > 0)
            {
                return LayoutEdit.Refuse(Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The floor has slots",
                    detail: $"Floor {floorId} has {slots} slot(s); delete or move them first."));
            }

            var layout = current.Layout with { Floors = [.. current.Layout.Floors.Where(f => f.FloorId != floorId)] };
            return LayoutEdit.Apply(layout, current.Tariff, "lot.floor.delete", $"lot:{lotId}/floor:{floorId}", null, _ => Results.NoContent());
        });

    private static FloorDefinition? Find(LotConfiguration configuration, string floorId) =>
        configuration.Layout.Floors.FirstOrDefault(f => f.FloorId == floorId);
}
