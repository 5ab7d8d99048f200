using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace ParkingGrains.GateAgent.LaneUi;

/// <summary>
/// Sign-in to the lane UI: one shared password from configuration (compared in constant time, over SHA-256 so the
/// lengths do not show either), a random session id in a cookie, kept in memory only (an agent restart signs everyone
/// out, which is fine for a screen in the security room). Failures are limited per client address and in all, so the
/// password cannot be guessed at network speed; the limits are bounded maps, not a growing list.
/// </summary>
public sealed class LaneUiSessions(LaneUiOptions options, TimeProvider time)
{
    public const string CookieName = "lane_session";
    private const int MaxSessions = 64;
    private const int MaxTrackedAddresses = 1024;

    private readonly byte[] _passwordHash = SHA256.HashData(Encoding.UTF8.GetBytes(options.Password));
    private readonly ConcurrentDictionary<string, LaneUiSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<IPAddress, (int Count, DateTimeOffset Since)> _failures = new();
    private readonly Lock _throttle = new();
    private (int Count, DateTimeOffset Since) _allFailures;

    /// <summary>Failures from all addresses together within the window before everyone waits (a spread-out guess).</summary>
    public int GlobalFailureLimit => options.LoginFailureLimit * 6;

    public LoginResult SignIn(string name, string password, IPAddress? address, out string? sessionId, out TimeSpan retryAfter)
    {
        sessionId = null;
        address ??= IPAddress.None;
        var now = time.GetUtcNow();
        lock (_throttle)
        {
            var mine = Current(_failures.GetValueOrDefault(address), now);
            var all = Current(_allFailures, now);
            if (mine.Count >= options.LoginFailureLimit || all.Count >= GlobalFailureLimit)
            {
                var since = mine.Count >= options.LoginFailureLimit ? mine.Since : all.Since;
                retryAfter = since + options.LoginFailureWindow - now;
                return LoginResult.Throttled;
            }

            retryAfter = TimeSpan.Zero;
            if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(password)), _passwordHash))
            {
                if (_failures.Count >= MaxTrackedAddresses)
                {
                    Prune(now);
                }

                _failures[address] = (mine.Count + 1, mine.Count == 0 ? now : mine.Since);
                _allFailures = (all.Count + 1, all.Count == 0 ? now : all.Since);
                return LoginResult.WrongPassword;
            }

            _failures.TryRemove(address, out _);
        }

        if (_sessions.Count >= MaxSessions)
        {
            // The oldest sign-in makes room: a screen signed in long ago is the one least likely to be in use.
            foreach (var (id, _) in _sessions.OrderBy(s => s.Value.ExpiresAt).Take(_sessions.Count - MaxSessions + 1))
            {
                _sessions.TryRemove(id, out _);
            }
        }

        sessionId = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _sessions[sessionId] = new LaneUiSession(name, now + options.SessionLifetime);
        return LoginResult.SignedIn;
    }

    public LaneUiSession? Find(string? sessionId)
    {
        if (sessionId is null || !_sessions.TryGetValue(sessionId, out var session))
        {
            return null;
        }

        if (session.ExpiresAt <= time.GetUtcNow())
        {
            _sessions.TryRemove(sessionId, out _);
            return null;
        }

        return session;
    }

    public void SignOut(string? sessionId)
    {
        if (sessionId is not null)
        {
            _sessions.TryRemove(sessionId, out _);
        }
    }

    private (int Count, DateTimeOffset Since) Current((int Count, DateTimeOffset Since) failures, DateTimeOffset now) =>
        failures.Count > 0 && now - failures.Since < options.LoginFailureWindow ? failures : (0, now);

    private void Prune(DateTimeOffset now)
    {
        foreach (var (address, failures) in _failures)
        {
            if (Current(failures, now).Count == 0)
            {
                _failures.TryRemove(address, out _);
            }
        }

        // Still full (many addresses failing right now): forget the oldest, the global limit still holds them back.
        foreach (var (address, _) in _failures.OrderBy(f => f.Value.Since).Take(Math.Max(0, _failures.Count - MaxTrackedAddresses + 1)))
        {
            _failures.TryRemove(address, out _);
        }
    }
}
