namespace ParkingGrains.WebApi.Auth;

/// <summary>Configuration section "Auth" (environment: Auth__AccessTokenMinutes and so on).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Password of the user "admin" created on first start; when unset one is generated and logged once.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Lifetime of an access token; fractions are allowed (tests use seconds: 0.25 is 15 s).</summary>
    public double AccessTokenMinutes { get; set; } = 30;

    /// <summary>A refresh token expires this long after it was issued; each refresh issues the next one (sliding).</summary>
    public int RefreshTokenDays { get; set; } = 7;

    /// <summary>A session (one login) ends this long after the login however often it is refreshed.</summary>
    public int SessionMaxDays { get; set; } = 30;

    /// <summary>
    /// Folder for the Data Protection key ring that encrypts the tokens. Every web instance of a deployment must
    /// share it (same folder or volume), or a token issued by one instance is rejected by another.
    /// </summary>
    public string? KeysPath { get; set; }

    /// <summary>Failed logins per username and remote IP within the window before further attempts get 429.</summary>
    public int LoginFailureLimit { get; set; } = 5;

    public int LoginFailureWindowMinutes { get; set; } = 5;

    internal bool IsValid() =>
        AccessTokenMinutes > 0 && AccessTokenMinutes <= TimeSpan.FromDays(365).TotalMinutes && RefreshTokenDays > 0 && SessionMaxDays > 0 && LoginFailureLimit > 0 && LoginFailureWindowMinutes > 0;
}
