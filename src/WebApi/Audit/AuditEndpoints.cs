using System.Globalization;
using ParkingGrains.WebApi.Auth;

namespace ParkingGrains.WebApi.Audit;

/// <summary>Reading the audit log (admins).</summary>
internal static class AuditEndpoints
{
    private const int DefaultLimit = 200;
    private const int MaxLimit = 5000;

    public static void Map(IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(AuthPolicies.Admin);
        audit.MapGet("/", ReadDayAsync);
        audit.MapGet("/recent", (IAuditLog log, int? limit) => TypedResults.Ok(log.Recent(Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit))));
    }

    /// <summary>GET /api/audit?day=yyyy-MM-dd&amp;limit=n: the cluster's log of a UTC day (default today), newest first.</summary>
    private static async Task<IResult> ReadDayAsync(IAuditLog log, TimeProvider time, string? day, int? limit)
    {
        DateOnly date;
        if (day is null)
        {
            date = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        }
        else if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["day"] = ["A UTC date as yyyy-MM-dd."] });
        }

        return TypedResults.Ok(await log.ReadDayAsync(date, Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit)));
    }
}
