using Orleans.Dashboard;
using ParkingGrains.WebApi.Auth;

namespace ParkingGrains.WebApi.Operations;

/// <summary>
/// The Orleans Dashboard at /dashboard, for admins only. Its page and its polling requests are plain browser GETs that
/// cannot carry the bearer header, so an admin signs in at /dashboard/signin (the same login as the API); the page
/// then hands its access token to <c>POST /dashboard/signin</c>, which (as an admin request) stores it in an HttpOnly,
/// SameSite=Strict cookie scoped to <c>Path=/dashboard</c>. For GETs under /dashboard without an Authorization header
/// the cookie's token is presented as <c>Authorization: Bearer</c>, so the usual token checks (signature, expiry, the
/// user grain's session and security stamp) and the "admin" policy decide: no token 401 (a browser navigation is sent
/// to the sign-in page instead), a non-admin 403. When the token expires the admin signs in again.
/// </summary>
public static class OrleansDashboardAccess
{
    public const string RoutePrefix = "/dashboard";
    public const string SignInPath = "/dashboard/signin";
    public const string CookieName = "ParkingGrains.Dashboard";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue("Dashboard:Enabled", true);

    /// <summary>The dashboard's settings (Dashboard:HideTrace, CounterUpdateIntervalMs, HistoryLength).</summary>
    public static Action<DashboardOptions> Configure(IConfiguration configuration) =>
        options => configuration.GetSection("Dashboard").Bind(options);

    /// <summary>Before authentication: the cookie's token becomes the bearer header on dashboard GETs.</summary>
    public static WebApplication UseOrleansDashboardSignIn(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration))
        {
            return app;
        }

        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!request.Path.StartsWithSegments(RoutePrefix) || request.Path.StartsWithSegments(SignInPath)
                || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
            {
                await next(context);
                return;
            }

            if (request.Headers.Authorization.Count == 0 && request.Cookies[CookieName] is { Length: > 0 } token)
            {
                request.Headers.Authorization = $"Bearer {token}";
            }

            await next(context);

            // A browser opening the page without a (valid) sign-in goes to the sign-in page rather than a bare 401.
            if (context.Response.StatusCode == StatusCodes.Status401Unauthorized && !context.Response.HasStarted
                && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers.Remove("WWW-Authenticate");
                context.Response.Redirect(SignInPath);
            }
        });
        return app;
    }

    /// <summary>Maps the dashboard (requires the "admin" policy) and its sign-in page and session endpoints.</summary>
    public static WebApplication MapOrleansDashboardForAdmins(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration))
        {
            return app;
        }

        app.MapGet(SignInPath, () => Results.Content(SignInPage, "text/html; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost(SignInPath, (HttpContext http) =>
        {
            var header = http.Request.Headers.Authorization.ToString();
            http.Response.Cookies.Append(CookieName, header["Bearer ".Length..].Trim(), CookieOptions(http));
            return Results.NoContent();
        }).RequireAuthorization(AuthPolicies.Admin).ExcludeFromDescription();
        app.MapDelete(SignInPath, (HttpContext http) =>
        {
            http.Response.Cookies.Delete(CookieName, CookieOptions(http));
            return Results.NoContent();
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapOrleansDashboard(routePrefix: RoutePrefix)
            .RequireAuthorization(AuthPolicies.Admin)
            .ExcludeFromDescription();
        return app;
    }

    private static CookieOptions CookieOptions(HttpContext http) => new()
    {
        Path = RoutePrefix,
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        IsEssential = true,
    };

    private const string SignInPage = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>ParkingGrains · Orleans Dashboard sign-in</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <style>
        :root{color-scheme:light dark;--bg:#f5f6f8;--card:#fff;--fg:#1d2430;--muted:#5b6575;--line:#cfd5de;--accent:#6b2fa3;--error:#b00020}
        @media (prefers-color-scheme:dark){:root{--bg:#1e232b;--card:#2a303a;--fg:#e6e9ee;--muted:#a9b1bd;--line:#465060;--accent:#a77bdb;--error:#ff8a80}}
        *{box-sizing:border-box}body{font-family:system-ui,sans-serif;background:var(--bg);color:var(--fg);margin:0;padding:4rem 1rem}
        main{max-width:22rem;margin:0 auto;background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:1.5rem}
        h1{font-size:1.4rem;margin:0 0 .5rem}p{color:var(--muted);margin:0 0 1rem}
        label{display:block;margin:.75rem 0 .25rem;font-weight:600}
        input{display:block;width:100%;padding:.55rem .6rem;font:inherit;color:inherit;background:var(--bg);border:1px solid var(--line);border-radius:.35rem}
        button{display:block;width:100%;margin-top:1.25rem;padding:.6rem;font:inherit;font-weight:600;color:#fff;background:var(--accent);border:0;border-radius:.35rem;cursor:pointer}
        #error{color:var(--error);margin-top:1rem}
        </style>
        </head>
        <body><main>
        <h1>Orleans Dashboard</h1>
        <p>Cluster operators: sign in with an <b>admin</b> account.</p>
        <form id="signin">
          <label>Username <input name="username" autocomplete="username" required></label>
          <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
          <button type="submit">Sign in</button>
        </form>
        <p id="error" role="alert"></p>
        </main>
        <script>
        document.getElementById("signin").addEventListener("submit", async (event) => {
          event.preventDefault();
          const error = document.getElementById("error");
          error.textContent = "";
          const form = new FormData(event.target);
          const login = await fetch("/api/auth/login", {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ username: form.get("username"), password: form.get("password") }),
          });
          if (!login.ok) { error.textContent = login.status === 429 ? "Too many attempts; try again later." : "Invalid username or password."; return; }
          const { accessToken } = await login.json();
          const session = await fetch("/dashboard/signin", { method: "POST", headers: { Authorization: "Bearer " + accessToken } });
          if (session.status === 403) { error.textContent = "The dashboard is for admins only."; return; }
          if (!session.ok) { error.textContent = "Sign-in failed (" + session.status + ")."; return; }
          location.href = "/dashboard/";
        });
        </script>
        </body>
        </html>
        """;
}
