namespace ParkingGrains.GateAgent.LaneUi;

/// <summary>
/// The lane UI (configuration section <c>Lane:Ui</c>): an operator page served by the agent itself. The password is a
/// secret from configuration (environment, a mounted file), never from code; it is required when the UI is enabled.
/// </summary>
public sealed class LaneUiOptions
{
    public const int MinPasswordLength = 12;

    public bool Enabled { get; set; }

    /// <summary>Where Kestrel listens, separated by ';'. Loopback by default: the page is for the lane's own screen.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:8090";

    public string Password { get; set; } = "";

    /// <summary>The URL the operator dashboard links to (announced in heartbeats); default: the first of <see cref="Urls"/>.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>How long a sign-in lasts (absolute).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Failed sign-ins allowed per client address within <see cref="LoginFailureWindow"/>; then 429.</summary>
    public int LoginFailureLimit { get; set; } = 5;

    public TimeSpan LoginFailureWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The URL announced to the cluster, or null when the UI is off.</summary>
    public string? AnnouncedUrl => !Enabled ? null
        : PublicUrl is { Length: > 0 } url ? url
        : (Urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}
