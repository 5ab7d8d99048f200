using System.Text.RegularExpressions;

namespace ParkingGrains.WebApi.Auth;

/// <summary>Usernames are case-insensitive: trimmed and lower-cased before they become a grain key.</summary>
public static partial class Usernames
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 256;

    public static string Normalize(string username) => username.Trim().ToLowerInvariant();

    public static bool IsValid(string normalized) => Pattern().IsMatch(normalized);

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._@-]{1,63}\z")]
    private static partial Regex Pattern();
}
