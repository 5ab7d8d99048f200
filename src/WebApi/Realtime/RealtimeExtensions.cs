using System.Text.Json.Serialization;
using ParkingGrains.WebApi.Auth;

namespace ParkingGrains.WebApi.Realtime;

/// <summary>SignalR, the host's lot observer and the <c>/hubs/lots</c> endpoint.</summary>
public static class RealtimeExtensions
{
    public static WebApplicationBuilder AddParkingGrainsRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR()
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton<HubLotObserver>();
        builder.Services.AddSingleton<LotEventsSubscriptions>();

        // Browsers cannot set headers on a WebSocket: for the hubs only, the bearer token may come as ?access_token=.
        builder.Services.PostConfigure<UserTokenOptions>(UserTokenDefaults.AuthenticationScheme, tokens => tokens.QueryTokenPaths.Add("/hubs"));
        return builder;
    }

    public static WebApplication MapParkingGrainsRealtime(this WebApplication app)
    {
        // A connection is authenticated once, when it opens; closing it when its access token expires bounds how long
        // a signed-out or disabled user keeps receiving pushes.
        app.MapHub<LotsHub>(LotsHub.Path, hub => hub.CloseOnAuthenticationExpiration = true).RequireAuthorization(AuthPolicies.Operator);
        return app;
    }
}
