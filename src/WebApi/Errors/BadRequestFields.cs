using System.Text.Json;
using System.Text.RegularExpressions;

namespace ParkingGrains.WebApi.Errors;

/// <summary>
/// Which field a request that could not be bound got wrong, from what ASP.NET Core knows: the JSON path of a body
/// value (<see cref="JsonException.Path"/>, "$.slots[2].size" → "slots[2].size") or the name of a route or query
/// parameter in the binder's message. The message never repeats the value sent.
/// </summary>
internal static partial class BadRequestFields
{
    public const string Body = "body";

    public static (string Field, string Message) Describe(BadHttpRequestException bad)
    {
        for (Exception? inner = bad.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
            {
                // Broken JSON (the reader's own exception inside) is the body's problem wherever the reader stopped.
                var malformed = json.InnerException?.GetType().Name == "JsonReaderException";
                return !malformed && json.Path is { Length: > 1 } path && path.StartsWith("$.", StringComparison.Ordinal)
                    ? (Echo.Bounded(path[2..]), "The value is missing, of the wrong type or not one of the allowed values.")
                    : (Body, "The body is not valid JSON for this request.");
            }
        }

        var match = Parameter().Match(bad.Message);
        if (match.Success)
        {
            return (match.Groups["name"].Value, bad.Message.StartsWith("Required", StringComparison.Ordinal)
                ? "The value is required."
                : "The value is not of the expected type.");
        }

        // "Implicit body inferred for parameter ... but no body was provided", content type errors and the like.
        return (Body, bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) || bad.Message.Contains("Content-Type", StringComparison.OrdinalIgnoreCase)
            ? "Send a JSON body (Content-Type: application/json)."
            : "The request could not be read.");
    }

    // 'Failed to bind parameter "int? limit" from "abc".', 'Required parameter "string eventId" was not provided from query string.'
    [GeneratedRegex("parameter \"(?:[^\"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}
