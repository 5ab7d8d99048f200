namespace ParkingGrains.WebApi.Auth;

/// <summary>A new gate key, returned once by rotation: the agent sends <c>X-Gate-Id</c> = GateId and <c>X-Gate-Key</c> = Key.</summary>
public sealed record GateKeyIssuedResponse(string GateId, string KeyId, string Key, DateTimeOffset IssuedAt);
