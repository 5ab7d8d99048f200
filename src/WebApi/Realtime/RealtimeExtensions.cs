using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.BearerToken;
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
        builder.Services.PostConfigure<BearerTokenOptions>(BearerTokenDefaults.AuthenticationScheme, bearer =>
        {
            var previous = bearer.Events.OnMessageReceived;
            bearer.Events.OnMessageReceived = async context =>
            {
                await previous(context);
                if (context.Token is null
                    && context.HttpContext.Request.Path.StartsWithSegments("/hubs")
                    && context.Request.Query["access_token"] is { Count: 1 } token)
                {
                    context.Token = token.ToString();
                }
            };
        });
        return builder;
    }

    public static WebApplication MapParkingGrainsRealtime(this WebApplication app)
    {
        app.MapHub<LotsHub>(LotsHub.Path).RequireAuthorization(AuthPolicies.Operator);
        return app;
    }
}
