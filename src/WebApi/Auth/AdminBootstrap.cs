using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ParkingGrains.Grains.Interfaces.Accounts;

namespace ParkingGrains.WebApi.Auth;

/// <summary>
/// Creates user "admin" on first start: with Auth:AdminPassword, or a generated password logged once. An existing
/// admin is never touched, so restarts (and several web instances starting together) keep its password.
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
        if (await admin.Get() is not null)
        {
            return;
        }

        var configured = options.Value.AdminPassword;
        var generated = string.IsNullOrWhiteSpace(configured);
        // 18 random bytes: 24 base64url characters, 144 bits.
        var password = generated ? Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18)) : configured!;
        var created = await admin.Create(new NewUser(AdminUsername, [UserRoles.Admin], passwords.Hash(AdminUsername, password), time.GetUtcNow()));
        if (!created)
        {
            // Another instance created it first; its password stands and ours was never used.
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
}
