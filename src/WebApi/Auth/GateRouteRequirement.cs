using Microsoft.AspNetCore.Authorization;
using ParkingGrains.Grains.Interfaces.Accounts;

namespace ParkingGrains.WebApi.Auth;

/// <summary>
/// A gate agent may act only as itself: when the route has a <c>{gateId}</c>, the principal's gate_id must equal
/// it. With <see cref="AllowOperators"/>, an admin or operator token passes for any gate.
/// </summary>
public sealed class GateRouteRequirement(bool allowOperators) : AuthorizationHandler<GateRouteRequirement>, IAuthorizationRequirement
{
    public const string RouteParameter = "gateId";

    public bool AllowOperators { get; } = allowOperators;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, GateRouteRequirement requirement)
    {
        var user = context.User;
        if (requirement.AllowOperators && (user.IsInRole(UserRoles.Admin) || user.IsInRole(UserRoles.Operator)))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        if (user.GetGateId() is not { } gateId)
        {
            return Task.CompletedTask;
        }

        // Endpoint routing passes the HttpContext as the resource; a route without {gateId} leaves the check to the endpoint.
        var routeGate = (context.Resource as HttpContext)?.GetRouteValue(RouteParameter) as string;
        if (routeGate is null || string.Equals(routeGate, gateId, StringComparison.Ordinal))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
