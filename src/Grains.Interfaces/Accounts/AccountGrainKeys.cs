using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>Keys of the account grains that are not named by the caller.</summary>
public static class AccountGrainKeys
{
    /// <summary>The single <see cref="IUserDirectoryGrain"/>.</summary>
    public const string UserDirectory = "all";

    /// <summary>The <see cref="IAuditGrain"/> of the UTC day of <paramref name="at"/>.</summary>
    public static string AuditDay(DateTimeOffset at) => AuditDay(DateOnly.FromDateTime(at.UtcDateTime));

    public static string AuditDay(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The <see cref="ILoginThrottleGrain"/> of a (normalised) username and client (an address, or an IPv6 /64 prefix).
    /// Any text may be typed as a username, so one that is not a plain name (at most 64 of a-z 0-9 . _ @ -) is keyed
    /// by its SHA-256 instead: keys stay short and printable whatever arrives.
    /// </summary>
    public static string LoginThrottle(string username, string? client)
    {
        var name = IsPlainName(username) ? username : "#" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(username)));
        return $"{name}|{client ?? "-"}";
    }

    private static bool IsPlainName(string username) =>
        username.Length is > 0 and <= 64 && username.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '@' or '-');
}
