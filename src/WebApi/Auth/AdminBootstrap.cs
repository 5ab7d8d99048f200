using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ParkingGrains.Grains.Interfaces.Accounts;

namespace ParkingGrains.WebApi.Auth;

/// <summary>
/// Creates user "admin" on first start: with Auth:AdminPassword, or a generated password logged once. An existing
/// admin is never touched, so restarts (and several web instances starting together) keep its password; when
/// Auth:AdminPassword is set but is not the existing admin's password, a warning says so, since the setting was not applied.
/// </summary>
public sealed class AdminBootstrap(
    IGrainFactory grains,
    PasswordVerifier passwords,
    IOptions<AuthOptions> options,
    TimeProvider time,
    ILogger<AdminBootstrap> logger)
{
    public const string AdminUsername = "admin";
    private readonly Lock _lock = new();
    private Task? _run;

    /// <summary>Completes once the admin exists; a failed run is retried by the next caller.</summary>
    public Task EnsureAsync()
    {
        lock (_lock)
        {
            if (_run is null || _run.IsFaulted || _run.IsCanceled)
            {
                _run = RunAsync();
            }

            return _run;
        }
    }

    private async Task RunAsync()
    {
        var admin = grains.GetGrain<IUserGrain>(AdminUsername);
        var configured = options.Value.AdminPassword;
        var generated = string.IsNullOrWhiteSpace(configured);
        if (await admin.Get() is { } existing)
        {
            WarnIfNotApplied(existing, configured);
            return;
        }

        // 18 random bytes: 24 base64url characters, 144 bits.
        var password = generated ? Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18)) : configured!;
        var created = await admin.Create(new NewUser(AdminUsername, [UserRoles.Admin], passwords.Hash(AdminUsername, password), time.GetUtcNow()));
        if (!created)
        {
            // Another instance created it first; its password stands and ours was never used.
            if (await admin.Get() is { } other)
            {
                WarnIfNotApplied(other, configured);
            }

            return;
        }

        if (generated)
        {
            logger.LogWarning(
                "Created user {Username} with the generated password {Password} (shown only this once; set Auth:AdminPassword or change it after logging in)",
                AdminUsername,
                password);
        }
        else
        {
            logger.LogInformation("Created user {Username} with the password from Auth:AdminPassword", AdminUsername);
        }
    }

    /// <summary>
    /// A configured password that is not the admin's current one was not applied: say so plainly (never the password
    /// itself), rather than let the operator believe the setting worked. The existing password is kept on purpose: a
    /// restart must not undo a password changed since, and configuration is not the place to rotate it.
    /// </summary>
    private void WarnIfNotApplied(UserAccount admin, string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured) || passwords.Verify(admin, configured) != PasswordVerificationResult.Failed)
        {
            return;
        }

        logger.LogWarning(
            "Auth:AdminPassword is set, but user {Username} already exists with a different password: the configured password was NOT applied. " +
            "Auth:AdminPassword only sets the password when the admin user is first created. To change it, sign in as admin with the current " +
            "password and use Admin → Users → Reset password (or PUT /api/users/admin with a new password); then remove Auth:AdminPassword " +
            "or set it to the new password to silence this warning",
            AdminUsername);
    }
}
