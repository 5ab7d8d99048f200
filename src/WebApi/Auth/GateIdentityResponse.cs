namespace ParkingGrains.WebApi.Auth;

/// <summary>Which gate and key a request authenticated with.</summary>
public sealed record GateIdentityResponse(string GateId, string KeyId);
