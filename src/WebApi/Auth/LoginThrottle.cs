using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ParkingGrains.WebApi.Auth;

/// <summary>
/// Sliding window of login attempts per username + remote IP, in this instance's memory. Every attempt is counted
/// when it starts (so parallel guesses cannot slip past the check) and a successful login clears the window, so
/// only failures accumulate. The in-box rate limiter is not used: it counts every request and cannot be reset by
/// a success.
/// </summary>
public sealed class LoginThrottle(IOptions<AuthOptions> options, TimeProvider time)
{
    // Past this many tracked keys a sweep drops the ones whose attempts have all left the window.
    private const int SweepThreshold = 50_000;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _attempts = new(StringComparer.Ordinal);
    private readonly int _limit = options.Value.LoginFailureLimit;
    private readonly TimeSpan _window = TimeSpan.FromMinutes(options.Value.LoginFailureWindowMinutes);
    private int _sweeping;

    /// <summary>Counts an attempt; false (with the time until the oldest counted attempt expires) when the limit is reached.</summary>
    public bool TryBegin(string username, string? remoteIp, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        var attempts = _attempts.GetOrAdd(Key(username, remoteIp), static _ => new Queue<DateTimeOffset>());
        lock (attempts)
        {
            Expire(attempts, now);
            if (attempts.Count >= _limit)
            {
                retryAfter = attempts.Peek() + _window - now;
                return false;
            }

            attempts.Enqueue(now);
        }

        if (_attempts.Count > SweepThreshold)
        {
            Sweep(now);
        }

        retryAfter = TimeSpan.Zero;
        return true;
    }

    public void Succeeded(string username, string? remoteIp) => _attempts.TryRemove(Key(username, remoteIp), out _);

    private static string Key(string username, string? remoteIp) => $"{username}\n{remoteIp ?? "-"}";

    private void Expire(Queue<DateTimeOffset> attempts, DateTimeOffset now)
    {
        while (attempts.Count > 0 && attempts.Peek() + _window <= now)
        {
            attempts.Dequeue();
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        if (Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return;
        }

        try
        {
            foreach (var (key, attempts) in _attempts)
            {
                lock (attempts)
                {
                    Expire(attempts, now);
                    if (attempts.Count == 0)
                    {
                        _attempts.TryRemove(key, out _);
                    }
                }
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }
}
