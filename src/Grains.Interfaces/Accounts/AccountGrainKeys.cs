using System.Globalization;

namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>Keys of the account grains that are not named by the caller.</summary>
public static class AccountGrainKeys
{
    /// <summary>The single <see cref="IUserDirectoryGrain"/>.</summary>
    public const string UserDirectory = "all";

    /// <summary>The <see cref="IAuditGrain"/> of the UTC day of <paramref name="at"/>.</summary>
    public static string AuditDay(DateTimeOffset at) => AuditDay(DateOnly.FromDateTime(at.UtcDateTime));

    public static string AuditDay(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
