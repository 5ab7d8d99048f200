using ParkingGrains.Grains.Interfaces.Validation;
using ParkingGrains.Domain.Layout;

namespace ParkingGrains.WebApi.Errors;

/// <summary>
/// Ids in a URL (lot, gate, slot, card, session, payment, user…) are checked before any endpoint runs, so no grain
/// is ever activated for a key nobody could have created: at most <see cref="LayoutLimits.MaxIdLength"/> characters
/// and none that <see cref="TextRules"/> refuses. A bad one is 400 naming the route parameter.
/// </summary>
internal static class RouteTextCheck
{
    public static IApplicationBuilder UseRouteTextCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is RouteEndpoint endpoint)
            {
                foreach (var parameter in endpoint.RoutePattern.Parameters)
                {
                    // Catch-all segments are paths of static files, not ids.
                    if (parameter.IsCatchAll || context.Request.RouteValues[parameter.Name] is not string value)
                    {
                        continue;
                    }

                    var problem = string.IsNullOrWhiteSpace(value) ? "An id must not be blank."
                        : value.Length > LayoutLimits.MaxIdLength
                        ? $"At most {LayoutLimits.MaxIdLength} characters."
                        : TextRules.HasUnsafe(value) ? TextRules.Rule : null;
                    if (problem is not null)
                    {
                        await Results.ValidationProblem(new Dictionary<string, string[]> { [parameter.Name] = [problem] },
                            title: "Invalid id in the URL").ExecuteAsync(context);
                        return;
                    }
                }
            }

            await next(context);
        });
}
