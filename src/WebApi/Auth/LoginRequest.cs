namespace ParkingGrains.WebApi.Auth;

public sealed record LoginRequest(string? Username, string? Password)
{
    public static ValueTask<LoginRequest?> BindAsync(HttpContext http) => JsonBodies.ReadAsync<LoginRequest>(http);
}
