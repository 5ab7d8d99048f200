using System.Text.RegularExpressions;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>Ids that admins create through the API become path segments, so they are restricted to URL-safe characters.</summary>
internal static partial class AdminIds
{
    public const string Rule = "1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit (ids are part of URLs).";

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
