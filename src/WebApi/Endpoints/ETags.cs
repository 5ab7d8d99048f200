using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>
/// Optimistic concurrency over HTTP: GETs send an ETag (a lot's configuration revision, a card's version), writes
/// send it back in If-Match. A stale one gets 412, a missing one 428 where a write would otherwise overwrite blindly.
/// </summary>
internal static class ETags
{
    public static string Format(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void Set(HttpContext http, long version) => http.Response.Headers.ETag = Format(version);

    /// <summary>Reads If-Match; false when it is there but names no version of ours (a malformed or foreign tag).</summary>
    public static bool TryRead(HttpRequest request, out IfMatch ifMatch)
    {
        ifMatch = IfMatch.Absent;
        var values = request.Headers.IfMatch;
        if (values.Count == 0)
        {
            return true;
        }

        if (!EntityTagHeaderValue.TryParseList(values, out var tags) || tags.Count == 0)
        {
            return false;
        }

        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any)))
        {
            ifMatch = new IfMatch(true, true, []);
            return true;
        }

        var versions = new List<long>();
        foreach (var tag in tags)
        {
            // Weak or strong: the number is the same revision either way.
            if (!long.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                return false;
            }

            versions.Add(version);
        }

        ifMatch = new IfMatch(true, false, versions);
        return true;
    }

    public static IResult Malformed() =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid If-Match",
            detail: "If-Match must be an ETag from a GET of this resource (e.g. \"7\") or *.");

    public static IResult Required(string what) =>
        Results.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required",
            detail: $"Send the ETag from GET {what} in If-Match, so that a change made meanwhile by someone else is not overwritten.");

    /// <summary>412, with the current version as the ETag so the client can reload and redo its change.</summary>
    public static IResult Stale(HttpContext http, long current, string detail)
    {
        Set(http, current);
        return Results.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Changed meanwhile; nothing was applied",
            detail: detail, extensions: new Dictionary<string, object?> { ["currentVersion"] = current });
    }
}
