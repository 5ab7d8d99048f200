using Microsoft.Extensions.Options;
using ParkingGrains.Grains.Interfaces.Accounts;
using ParkingGrains.Runtime;

namespace ParkingGrains.WebApi.Auth;

/// <summary>
/// Failed logins per username + client address, counted cluster-wide by one <see cref="ILoginThrottleGrain"/> per
/// pair, so several web instances share one count (a guesser cannot multiply the limit by spreading attempts over
/// instances). Every attempt counts when it starts and a successful login clears the window, so only failures
/// accumulate. The in-box rate limiter is not used: it counts every request, per instance, and cannot be reset by a
/// success.
/// </summary>
public sealed class LoginThrottle(IGrainFactory grains, IOptions<AuthOptions> options, TimeProvider time)
{
    private readonly int _limit = options.Value.LoginFailureLimit;
    private readonly TimeSpan _window = TimeSpan.FromMinutes(options.Value.LoginFailureWindowMinutes);

    /// <summary>Counts an attempt; the decision says whether it may go ahead, and if not for how long.</summary>
    public Task<LoginThrottleDecision> TryBeginAsync(string username, string? remoteIp) =>
        Grain(username, remoteIp).TryBegin(new LoginAttempt(time.GetUtcNow(), _limit, _window));

    public Task SucceededAsync(string username, string? remoteIp) => Grain(username, remoteIp).Succeeded();

    private ILoginThrottleGrain Grain(string username, string? remoteIp) =>
        grains.GetGrain<ILoginThrottleGrain>(AccountGrainKeys.LoginThrottle(username, remoteIp));
}
