using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>Reads of a lot's configuration for the admin endpoints: 404 for an unknown lot, the revision as ETag.</summary>
internal static class LayoutReads
{
    public static async Task<IResult> ReadAsync(HttpContext http, IGrainFactory grains, string lotId, Func<LotConfiguration, IResult> answer)
    {
        if (await grains.GetGrain<ILotGrain>(lotId).GetConfiguration() is not { } configuration)
        {
            return LotEndpoints.NotFound(lotId);
        }

        ETags.Set(http, configuration.Revision);
        return answer(configuration);
    }

    public static IResult IdMismatch(string field, string routeId) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [$"The body names another id than the URL ('{routeId}'); ids cannot be changed, delete and add instead."] });
}
