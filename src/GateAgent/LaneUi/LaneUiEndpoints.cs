using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using ParkingGrains.GateAgent.Devices;
using ParkingGrains.Grains.Interfaces.Validation;

namespace ParkingGrains.GateAgent.LaneUi;

/// <summary>
/// The lane UI's HTTP surface: the page at <c>/</c>, and JSON under <c>/api/lane</c>. Everything under <c>/api/lane</c>
/// but the sign-in needs a session cookie (401 otherwise); every POST needs the <c>X-Lane-Request</c> header (403
/// otherwise), which a cross-site form cannot send and a cross-site script cannot send without a CORS preflight this
/// server never grants — that and SameSite=Strict make it CSRF-safe. Bad input is a 400 validation problem naming each
/// field, never a 500. Handlers are plain request delegates (no binding machinery to start up).
/// </summary>
internal static class LaneUiEndpoints
{
    public const string RequestHeader = "X-Lane-Request";
    private const int MaxNameLength = 32;
    private const int MaxStreams = 16;
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private static int s_streams;

    public static void Map(WebApplication app, LaneUiState state, LaneOperator lane, LaneUiSessions sessions, LaneUiOptions options, TimeProvider time, ILogger logger)
    {
        app.Use(async (http, next) =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.CacheControl = "no-store";
            try
            {
                var path = http.Request.Path;
                if (path.StartsWithSegments("/api/lane"))
                {
                    if (HttpMethods.IsPost(http.Request.Method) && !http.Request.Headers.ContainsKey(RequestHeader))
                    {
                        await Problem(http, StatusCodes.Status403Forbidden, $"Commands need the {RequestHeader} header (the lane page sends it).");
                        return;
                    }

                    if (!path.Equals("/api/lane/login") && sessions.Find(http.Request.Cookies[LaneUiSessions.CookieName]) is null)
                    {
                        await Problem(http, StatusCodes.Status401Unauthorized, "Sign in to the lane UI.");
                        return;
                    }
                }

                await next(http);
            }
            catch (InvalidCommandException refused)
            {
                await Invalid(http, refused.Problems);
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                // The page went away.
            }
            catch (Exception exception) when (!http.Response.HasStarted)
            {
                logger.LogError(exception, "Lane UI request {Method} {Path} failed", http.Request.Method, http.Request.Path);
                await Problem(http, StatusCodes.Status500InternalServerError, "The lane could not do this; see the agent's log.");
            }
        });

        foreach (var path in new[] { "/", "/lane.css", "/lane.js" })
        {
            app.MapGet(path, async http =>
            {
                var (content, type) = LaneUiAssets.Find(path)!.Value;
                http.Response.ContentType = type;
                http.Response.Headers.CacheControl = "no-cache";
                await http.Response.Body.WriteAsync(content, http.RequestAborted);
            });
        }

        // Browsers ask for it on every page: an empty answer rather than a 404 in the log.
        app.MapGet("/favicon.ico", http =>
        {
            http.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });

        app.MapPost("/api/lane/login", async http =>
        {
            var body = await ReadAsync(http);
            var problems = new CommandProblems();
            problems.Text("name", body.Name, MaxNameLength, required: true);
            if (string.IsNullOrEmpty(body.Password))
            {
                problems.Add("password", "Required.");
            }

            problems.ThrowIfAny();
            var name = body.Name!.Trim();
            switch (sessions.SignIn(name, body.Password!, http.Connection.RemoteIpAddress, out var sessionId, out var retryAfter))
            {
                case LoginResult.Throttled:
                    http.Response.Headers.RetryAfter = Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                    await Problem(http, StatusCodes.Status429TooManyRequests, "Too many failed sign-ins: wait and try again.");
                    return;
                case LoginResult.WrongPassword:
                    logger.LogWarning("Lane UI: a failed sign-in from {Address}", http.Connection.RemoteIpAddress);
                    await Problem(http, StatusCodes.Status401Unauthorized, "Wrong password.");
                    return;
            }

            http.Response.Cookies.Append(LaneUiSessions.CookieName, sessionId!, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = http.Request.IsHttps,
                Path = "/",
                MaxAge = options.SessionLifetime,
            });
            logger.LogInformation("Lane UI: lane:{User} signed in from {Address}", name, http.Connection.RemoteIpAddress);
            await Json(http, new { name });
        });

        app.MapPost("/api/lane/logout", http =>
        {
            sessions.SignOut(http.Request.Cookies[LaneUiSessions.CookieName]);
            http.Response.Cookies.Delete(LaneUiSessions.CookieName, new CookieOptions { Path = "/", SameSite = SameSiteMode.Strict, HttpOnly = true });
            http.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });

        app.MapGet("/api/lane/me", http => Json(http, new { name = User(http, sessions) }));
        app.MapGet("/api/lane/snapshot", http => Json(http, state.Snapshot()));
        app.MapGet("/api/lane/events", http => StreamAsync(http, state, sessions, time));

        app.MapGet("/api/lane/frame", async http =>
        {
            long? id = long.TryParse(http.Request.Query["id"], NumberStyles.None, CultureInfo.InvariantCulture, out var wanted) ? wanted : null;
            await Image(http, state.Frame(id));
        });

        app.MapGet("/api/lane/pending/{id:long}/frame", http => Image(http, state.Pending(Id(http))?.Frame));

        app.MapPost("/api/lane/pending/{id:long}/confirm", async http =>
        {
            var body = await ReadAsync(http);
            var decision = await lane.ConfirmAsync(Id(http), body.Plate, User(http, sessions), http.RequestAborted);
            await (decision is null ? NoLongerPending(http) : Json(http, LaneUiState.View(decision)));
        });

        app.MapPost("/api/lane/pending/{id:long}/reject", async http =>
        {
            if (lane.Reject(Id(http), User(http, sessions)))
            {
                http.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }

            await NoLongerPending(http);
        });

        app.MapPost("/api/lane/card", async http =>
        {
            var body = await ReadAsync(http);
            await Json(http, LaneUiState.View(await lane.TapCardAsync(body.CardId, http.RequestAborted)));
        });

        app.MapPost("/api/lane/open", async http =>
        {
            var body = await ReadAsync(http);
            await Json(http, await lane.OpenAsync(User(http, sessions), body.Reason, body.DurationSeconds, http.RequestAborted));
        });

        app.MapPost("/api/lane/hold", async http =>
        {
            var body = await ReadAsync(http);
            await Json(http, await lane.HoldAsync(User(http, sessions), body.Reason, http.RequestAborted));
        });

        app.MapPost("/api/lane/release", async http => await Json(http, await lane.ReleaseAsync(User(http, sessions), http.RequestAborted)));
    }

    // The live view: the whole snapshot whenever it changes, checked at each change and at least every second (the RTT,
    // the cache's age and the barrier move without an event); a comment line now and then keeps proxies from closing it.
    private static async Task StreamAsync(HttpContext http, LaneUiState state, LaneUiSessions sessions, TimeProvider time)
    {
        if (Interlocked.Increment(ref s_streams) > MaxStreams)
        {
            Interlocked.Decrement(ref s_streams);
            await Problem(http, StatusCodes.Status503ServiceUnavailable, "Too many lane pages are open: close one.");
            return;
        }

        try
        {
            var cancellation = http.RequestAborted;
            var sessionId = http.Request.Cookies[LaneUiSessions.CookieName];
            http.Response.ContentType = "text/event-stream";
            string? last = null;
            var quiet = 0;

            // A session that ends (signed out elsewhere, expired) ends the stream; the page then asks to sign in again.
            while (!cancellation.IsCancellationRequested && sessions.Find(sessionId) is not null)
            {
                var changed = state.Changed;
                var json = JsonSerializer.Serialize(state.Snapshot(), s_json);
                if (json != last || ++quiet >= 15)
                {
                    await http.Response.WriteAsync(json == last ? ": still here\n\n" : $"data: {json}\n\n", cancellation);
                    await http.Response.Body.FlushAsync(cancellation);
                    last = json;
                    quiet = 0;
                }

                await Task.WhenAny(changed, Task.Delay(TimeSpan.FromSeconds(1), time, cancellation));
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed the stream.
        }
        finally
        {
            Interlocked.Decrement(ref s_streams);
        }
    }

    private static async Task<LaneUiRequest> ReadAsync(HttpContext http)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<LaneUiRequest>(http.Request.Body, s_json, http.RequestAborted)
                ?? throw new InvalidCommandException("body", "A JSON object is required.");
        }
        catch (JsonException invalid)
        {
            // The path names the field as the body spells it ("$.durationSeconds"); the value is never echoed.
            var field = invalid.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            throw new InvalidCommandException(field, field == "body" ? "A JSON object is required." : "Not a valid value for this field.");
        }
        catch (BadHttpRequestException tooLarge)
        {
            throw new InvalidCommandException("body", tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request is too large." : "The request body could not be read.");
        }
    }

    private static long Id(HttpContext http) => long.Parse((string)http.Request.RouteValues["id"]!, CultureInfo.InvariantCulture);

    private static string User(HttpContext http, LaneUiSessions sessions) => sessions.Find(http.Request.Cookies[LaneUiSessions.CookieName])?.Name ?? "unknown";

    private static Task Json<T>(HttpContext http, T value) => http.Response.WriteAsJsonAsync(value, s_json, http.RequestAborted);

    private static Task NoLongerPending(HttpContext http) =>
        Problem(http, StatusCodes.Status404NotFound, "This read is no longer pending: another operator answered it, or newer reads pushed it out.");

    private static async Task Image(HttpContext http, CameraFrame? frame)
    {
        if (frame is null)
        {
            await Problem(http, StatusCodes.Status404NotFound, "No such frame (a newer one replaced it).");
            return;
        }

        var image = frame.Image;
        http.Response.ContentType = image switch
        {
            [0x89, 0x50, 0x4E, 0x47, ..] => "image/png",
            [0xFF, 0xD8, ..] => "image/jpeg",
            [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
            [(byte)'G', (byte)'I', (byte)'F', ..] => "image/gif",
            [(byte)'B', (byte)'M', ..] => "image/bmp",
            _ => "application/octet-stream",
        };
        await http.Response.Body.WriteAsync(image, http.RequestAborted);
    }

    private static Task Invalid(HttpContext http, IReadOnlyList<FieldProblem> problems) =>
        Results.ValidationProblem(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
            title: "The lane did not accept this.").ExecuteAsync(http);

    private static Task Problem(HttpContext http, int status, string title) => Results.Problem(statusCode: status, title: title).ExecuteAsync(http);
}
