using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using ParkingGrains.Grains.Interfaces.Accounts;

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
    public Task<LoginThrottleDecision> TryBeginAsync(string username, IPAddress? client) =>
        Grain(username, client).TryBegin(new LoginAttempt(time.GetUtcNow(), _limit, _window));

    public Task SucceededAsync(string username, IPAddress? client) => Grain(username, client).Succeeded();

    /// <summary>
    /// The client part of the key: an IPv4 address as such (also when a dual-stack socket reports it IPv4-mapped), an
    /// IPv6 address by its /64 — one subscriber normally holds a whole /64 and could otherwise use a new address for
    /// every guess.
    /// </summary>
    internal static string? ClientKey(IPAddress? client)
    {
        if (client is null)
        {
            return null;
        }

        if (client.IsIPv4MappedToIPv6)
        {
            return client.MapToIPv4().ToString();
        }

        if (client.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(client))
        {
            return client.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        client.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return $"{new IPAddress(bytes)}/64";
    }

    private ILoginThrottleGrain Grain(string username, IPAddress? client) =>
        grains.GetGrain<ILoginThrottleGrain>(AccountGrainKeys.LoginThrottle(username, ClientKey(client)));
}
