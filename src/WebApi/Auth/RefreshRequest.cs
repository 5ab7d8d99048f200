namespace ParkingGrains.WebApi.Auth;

public sealed record RefreshRequest(string? RefreshToken)
{
    public static ValueTask<RefreshRequest?> BindAsync(HttpContext http) => JsonBodies.ReadAsync<RefreshRequest>(http);
}
