using ParkingGrains.Grains.Interfaces.Accounts;
using ParkingGrains.WebApi.Auth;

namespace ParkingGrains.WebApi.Audit;

public static class AuditHttpExtensions
{
    // Set once a handler has audited its request itself (with a richer action and detail), so the group filter does not add a second entry.
    private static readonly object s_audited = new();

    /// <summary>Records a write by the current principal from the request's remote IP. Never pass secrets in <paramref name="detail"/>.</summary>
    public static Task AuditAsync(this HttpContext http, string action, string target, string? detail = null) =>
        http.AuditAsync(http.User.GetActor(), action, target, detail);

    /// <summary>
    /// Records a write by <paramref name="actor"/> ("user:name"), for requests that act for someone they are not signed
    /// in as yet (login, refresh).
    /// </summary>
    public static Task AuditAsync(this HttpContext http, string actor, string action, string target, string? detail)
    {
        http.Items[s_audited] = true;
        var services = http.RequestServices;
        var entry = new AuditEntry(
            Guid.NewGuid().ToString("N"),
            services.GetRequiredService<TimeProvider>().GetUtcNow(),
            actor,
            action,
            target,
            detail,
            http.Connection.RemoteIpAddress?.ToString());
        return services.GetRequiredService<IAuditLog>().RecordAsync(entry);
    }

    /// <summary>
    /// Audits every successful write (any method but GET and HEAD) in the group as "METHOD route-pattern", with the
    /// route values as the target, so an endpoint added later is audited without anyone remembering to. A handler
    /// that called <see cref="AuditAsync"/> itself is not audited twice. Writes by gate
    /// agents are left out: they are machine traffic at lane rate, recorded with the gate's identity in the lot's
    /// event log; an operator's manual entry or exit is audited like any other write.
    /// </summary>
    public static RouteGroupBuilder AuditWrites(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var http = context.HttpContext;
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || http.Items.ContainsKey(s_audited)
                || http.User.HasClaim(c => c.Type == Endpoints.Identity.GateIdClaim))
            {
                return result;
            }

            var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : http.Response.StatusCode;
            if (status < 400)
            {
                var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.ToString();
                var target = string.Join(',', http.Request.RouteValues.Select(v => $"{v.Key}={v.Value}"));
                await http.AuditAsync($"{http.Request.Method} {pattern}", target.Length > 0 ? target : http.Request.Path.ToString());
            }

            return result;
        });
}
