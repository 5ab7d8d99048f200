namespace ParkingGrains.WebApi.Auth;

/// <summary>What a sealed, unexpired refresh token says: whose session it belongs to and which generation it is.</summary>
public sealed record RefreshTicket(string Username, string SessionId, int Generation);
