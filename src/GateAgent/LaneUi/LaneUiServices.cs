using Microsoft.Extensions.DependencyInjection;
using ParkingGrains.GateAgent.Lane;

namespace ParkingGrains.GateAgent.LaneUi;

/// <summary>Registers the lane UI when <c>Lane:Ui:Enabled</c>: its state (subscribed to the runner before it starts), the operator actions, sessions and the server.</summary>
public static class LaneUiServices
{
    public static IServiceCollection AddLaneUi(this IServiceCollection services, LaneOptions options)
    {
        if (!options.Ui.Enabled)
        {
            return services;
        }

        services.AddSingleton(options.Ui);
        services.AddSingleton<LaneUiState>();
        services.AddSingleton<LaneOperator>();
        services.AddSingleton<LaneUiSessions>();
        services.AddSingleton<LaneUiServer>();
        services.AddHostedService(sp => sp.GetRequiredService<LaneUiServer>());
        return services;
    }

    /// <summary>Start-up problems of the <c>Lane:Ui</c> section (none when the UI is off).</summary>
    public static IEnumerable<string> Problems(LaneUiOptions ui)
    {
        if (!ui.Enabled)
        {
            yield break;
        }

        // An empty value in configuration binds as null.
        if ((ui.Password?.Length ?? 0) < LaneUiOptions.MinPasswordLength)
        {
            yield return $"Lane:Ui:Password is required when Lane:Ui:Enabled is true (at least {LaneUiOptions.MinPasswordLength} characters; from the environment or a secret file).";
        }

        foreach (var url in (ui.Urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).DefaultIfEmpty(""))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            {
                yield return "Lane:Ui:Urls lists http:// URLs separated by ';' (e.g. http://127.0.0.1:8090).";
                break;
            }
        }

        if (ui.AnnouncedUrl is { } announced && !(Uri.TryCreate(announced, UriKind.Absolute, out var link) && (link.Scheme == Uri.UriSchemeHttp || link.Scheme == Uri.UriSchemeHttps)))
        {
            yield return "Lane:Ui:PublicUrl is an absolute http or https URL.";
        }

        if (ui.SessionLifetime <= TimeSpan.Zero || ui.LoginFailureLimit < 1 || ui.LoginFailureWindow <= TimeSpan.Zero)
        {
            yield return "Lane:Ui:SessionLifetime, LoginFailureLimit and LoginFailureWindow must be positive.";
        }
    }
}
