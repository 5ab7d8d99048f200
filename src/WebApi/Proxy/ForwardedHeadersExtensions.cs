using Microsoft.AspNetCore.HttpOverrides;

namespace ParkingGrains.WebApi.Proxy;

/// <summary>
/// X-Forwarded-For / X-Forwarded-Proto from trusted reverse proxies only (<see cref="ForwardedHeadersSettings"/>).
/// Behind a proxy every request arrives from the proxy's address, so without this the login throttle and the audit
/// log see one client; trusting the header from anyone else would let every client choose its own address. When
/// enabled, <c>HttpContext.Connection.RemoteIpAddress</c> becomes the client's address for everything after it.
/// </summary>
public static class ForwardedHeadersExtensions
{
    public static WebApplicationBuilder AddParkingGrainsForwardedHeaders(this WebApplicationBuilder builder)
    {
        // Read (and validated) at startup: a typo in a proxy address fails the start instead of silently trusting no one.
        if (ForwardedHeadersSettings.Read(builder.Configuration) is not { } settings)
        {
            return builder;
        }

        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            // X-Forwarded-Host is left out: nothing here builds URLs from the host, and trusting it invites host spoofing.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // Only what is configured: the framework's defaults would also trust loopback.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in settings.KnownNetworks)
            {
                options.KnownIPNetworks.Add(network);
            }

            // No limit by default: the chain is walked from the right while each hop is a trusted proxy and stops at
            // the first address that is not, which is the client (entries a client wrote itself are never reached).
            options.ForwardLimit = settings.ForwardLimit;
        });
        return builder;
    }

    /// <summary>First in the pipeline, so the throttle, the audit log and the logs all see the client's address.</summary>
    public static WebApplication UseParkingGrainsForwardedHeaders(this WebApplication app)
    {
        if (ForwardedHeadersSettings.Read(app.Configuration) is not null)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
