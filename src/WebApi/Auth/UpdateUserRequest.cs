namespace ParkingGrains.WebApi.Auth;

/// <summary>Fields left null stay as they are.</summary>
public sealed record UpdateUserRequest(IReadOnlyList<string?>? Roles, string? Password, bool? Disabled)
{
    public static ValueTask<UpdateUserRequest?> BindAsync(HttpContext http) => JsonBodies.ReadAsync<UpdateUserRequest>(http);
}
