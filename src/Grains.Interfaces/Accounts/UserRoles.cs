namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>The roles a user can hold; the web API's authorization policies are built on these names.</summary>
public static class UserRoles
{
    public const string Admin = "admin";
    public const string Operator = "operator";
    public const string Driver = "driver";

    public static IReadOnlyList<string> All { get; } = [Admin, Operator, Driver];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
