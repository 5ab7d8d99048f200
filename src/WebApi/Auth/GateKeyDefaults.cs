namespace ParkingGrains.WebApi.Auth;

/// <summary>The gate agents' authentication scheme and its headers.</summary>
public static class GateKeyDefaults
{
    public const string AuthenticationScheme = "GateKey";

    public const string GateIdHeader = "X-Gate-Id";

    public const string KeyHeader = "X-Gate-Key";
}
