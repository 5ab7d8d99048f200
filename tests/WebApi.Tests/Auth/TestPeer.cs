using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ParkingGrains.WebApi.Tests.Auth;

/// <summary>
/// The in-memory test server has no TCP peer. This startup filter runs before the app's pipeline and sets the
/// connection's remote address from the test-only <see cref="Header"/>, standing in for the address a real socket
/// would report (the proxy's, for requests through a proxy).
/// </summary>
public sealed class TestPeer : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.Remove(Header, out var peer))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
