namespace ParkingGrains.WebApi.Auth;

public sealed record CreateUserRequest(string? Username, string? Password, IReadOnlyList<string?>? Roles)
{
    public static ValueTask<CreateUserRequest?> BindAsync(HttpContext http) => JsonBodies.ReadAsync<CreateUserRequest>(http);
}
