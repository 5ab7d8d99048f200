using ParkingGrains.Grains.Interfaces.Accounts;

namespace ParkingGrains.WebApi.Auth;

/// <summary>A user as the API shows it: never the password hash.</summary>
public sealed record UserView(string Username, IReadOnlyList<string> Roles, bool Disabled, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static UserView From(UserAccount account) =>
        new(account.Username, account.Roles, account.Disabled, account.CreatedAt, account.UpdatedAt);
}
