using ParkingGrains.Grains.Interfaces.Accounts;
using ParkingGrains.WebApi.Auth;

namespace ParkingGrains.WebApi.Audit;

public static class AuditHttpExtensions
{
    /// <summary>Records a write by the current principal from the request's remote IP. Never pass secrets in <paramref name="detail"/>.</summary>
    public static Task AuditAsync(this HttpContext http, string action, string target, string? detail = null) =>
        http.AuditAsync(http.User.GetActor(), action, target, detail);

    /// <summary>
    /// Records a write by <paramref name="actor"/> ("user:name"), for requests that act for someone they are not signed
    /// in as yet (login, refresh).
    /// </summary>
    public static Task AuditAsync(this HttpContext http, string actor, string action, string target, string? detail)
    {
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
    /// Audits the endpoint when it succeeds (status below 400) as <paramref name="action"/>, with the route values
    /// (e.g. "gateId=ber-in") as the target. For details beyond that, call <see cref="AuditAsync"/> in the handler.
    /// </summary>
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder builder, string action) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : context.HttpContext.Response.StatusCode;
            if (status < 400)
            {
                var http = context.HttpContext;
                var target = string.Join(',', http.Request.RouteValues.Select(v => $"{v.Key}={v.Value}"));
                await http.AuditAsync(action, target.Length > 0 ? target : http.Request.Path.ToString());
            }

            return result;
        });
}
