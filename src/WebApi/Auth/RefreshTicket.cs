namespace ParkingGrains.WebApi.Auth;

/// <summary>Who a valid, unexpired refresh token was issued to, and under which security stamp.</summary>
public sealed record RefreshTicket(string Username, string? SecurityStamp);
