using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ParkingGrains.Grains.Interfaces.Accounts;
using ParkingGrains.WebApi.Audit;

namespace ParkingGrains.WebApi.Auth;

/// <summary>Authentication, authorization, accounts, gate keys and the audit log for the web API.</summary>
public static class ParkingGrainsAuthExtensions
{
    public static WebApplicationBuilder AddParkingGrainsAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>()
            .Bind(builder.Configuration.GetSection(AuthOptions.Section))
            .Validate(o => o.IsValid(), "Auth: token lifetimes and login limits must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // Tokens are encrypted with the Data Protection key ring: instances of one deployment must share it (Auth:KeysPath).
        var dataProtection = services.AddDataProtection().SetApplicationName("ParkingGrains");
        if (builder.Configuration[$"{AuthOptions.Section}:{nameof(AuthOptions.KeysPath)}"] is { Length: > 0 } keysPath)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keysPath));
        }

        services.AddAuthentication(UserTokenDefaults.AuthenticationScheme)
            .AddScheme<UserTokenOptions, UserTokenAuthenticationHandler>(UserTokenDefaults.AuthenticationScheme, null)
            .AddScheme<AuthenticationSchemeOptions, GateKeyAuthenticationHandler>(GateKeyDefaults.AuthenticationScheme, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.Admin, p => p.AddAuthenticationSchemes(UserTokenDefaults.AuthenticationScheme).RequireRole(UserRoles.Admin))
            .AddPolicy(AuthPolicies.Operator, p => p.AddAuthenticationSchemes(UserTokenDefaults.AuthenticationScheme).RequireRole(UserRoles.Admin, UserRoles.Operator))
            .AddPolicy(AuthPolicies.Driver, p => p.AddAuthenticationSchemes(UserTokenDefaults.AuthenticationScheme).RequireAuthenticatedUser())
            .AddPolicy(AuthPolicies.Gate, p => p
                .AddAuthenticationSchemes(GateKeyDefaults.AuthenticationScheme)
                .RequireClaim(AuthClaimTypes.GateId)
                .AddRequirements(new GateRouteRequirement(allowOperators: false)))
            .AddPolicy(AuthPolicies.GateOrOperator, p => p
                .AddAuthenticationSchemes(UserTokenDefaults.AuthenticationScheme, GateKeyDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new GateRouteRequirement(allowOperators: true)));

        services.TryAddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddSingleton<PasswordVerifier>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<AdminBootstrap>();
        services.AddHostedService<AdminBootstrapService>();
        services.AddSingleton<IAuditLog, ClusterAuditLog>();
        return builder;
    }

    public static WebApplication UseParkingGrainsAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapParkingGrainsAuth(this WebApplication app)
    {
        AuthEndpoints.Map(app);
        UserEndpoints.Map(app);
        GateKeyEndpoints.Map(app);
        AuditEndpoints.Map(app);
        return app;
    }
}
