using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Tariffs;
using ParkingGrains.WebApi.Auth;

using ParkingGrains.WebApi.OpenApi;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>A lot's tariff (rates per vehicle class), replaced whole with If-Match and checked by <see cref="Tariff.Validate"/>.</summary>
internal static class TariffEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var tariff = api.MapGroup("/lots/{lotId}/tariff").WithTags("Lot administration").RequireAuthorization(AuthPolicies.Admin);
        tariff.MapGet("/", (string lotId, HttpContext http, IGrainFactory grains) => LayoutReads.ReadAsync(http, grains, lotId, c => Results.Ok(c.Tariff)))
            .WithSummary("The lot's tariff (ETag: the lot's revision)").Reads<Tariff>();
        tariff.MapPut("/", UpdateAsync).WithSummary("Replace the tariff (If-Match); 422 lists every problem").Changes<Tariff>();
    }

    private static Task<IResult> UpdateAsync(string lotId, Tariff body, HttpContext http, IGrainFactory grains) =>
        LayoutEditor.EditAsync(http, grains, lotId, ifMatchRequired: true, current =>
        {
            // The lot checks the tariff again when applying it; checking here too puts its problems first and by field.
            var problems = body.Validate().Select(p => new LayoutProblem("tariff", "InvalidTariff", p)).ToList();
            if (problems.Count > 0)
            {
                return LayoutEdit.Refuse(LayoutProblemResults.Rejected(problems));
            }

            var classes = string.Join(", ", body.Rates.Select(r => $"{r.VehicleClass} {r.FirstPeriodPrice}/{r.LaterPeriodPrice}"));
            return LayoutEdit.Apply(current.Layout, body, "lot.tariff.update", $"lot:{lotId}/tariff", $"{body.Currency}: {classes}", c => Results.Ok(c.Tariff));
        });
}
