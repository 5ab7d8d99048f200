using ParkingGrains.Grains.Interfaces.Accounts;

namespace ParkingGrains.Grains.Accounts;

/// <summary>
/// A sliding window of login attempts for one username + client address, in memory (see
/// <see cref="ILoginThrottleGrain"/>). One activation in the cluster, so every web instance counts into the same
/// window; its turns serialise attempts that arrive at once from several instances.
/// </summary>
public sealed class LoginThrottleGrain : Grain, ILoginThrottleGrain
{
    private readonly Queue<DateTimeOffset> _attempts = new();

    public Task<LoginThrottleDecision> TryBegin(LoginAttempt attempt)
    {
        if (attempt.Limit <= 0 || attempt.Window <= TimeSpan.Zero)
        {
            throw new ArgumentException("A login limit and window must be positive.", nameof(attempt));
        }

        while (_attempts.Count > 0 && _attempts.Peek() + attempt.Window <= attempt.At)
        {
            _attempts.Dequeue();
        }

        if (_attempts.Count >= attempt.Limit)
        {
            return Task.FromResult(new LoginThrottleDecision(false, _attempts.Peek() + attempt.Window - attempt.At));
        }

        _attempts.Enqueue(attempt.At);
        return Task.FromResult(LoginThrottleDecision.Allow);
    }

    public Task Succeeded()
    {
        _attempts.Clear();

        // Nothing left to remember: let the activation go instead of waiting out the idle collection.
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
