using Orleans;

namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>
/// Login attempts of one username from one client address (key: <see cref="AccountGrainKeys.LoginThrottle"/>), one
/// count for every web instance. Kept in memory only: it is a brake on guessing, not a record; a silo failure
/// forgets the counts of the throttles it held, which at worst gives a guesser one more window.
/// </summary>
public interface ILoginThrottleGrain : IGrainWithStringKey
{
    /// <summary>
    /// Counts the attempt when fewer than <see cref="LoginAttempt.Limit"/> are in the window; otherwise refuses it
    /// with the time until the oldest counted attempt leaves the window. Every attempt counts when it starts, so
    /// parallel guesses cannot slip past the check; <see cref="Succeeded"/> clears them.
    /// </summary>
    Task<LoginThrottleDecision> TryBegin(LoginAttempt attempt);

    /// <summary>A successful login: the count starts again.</summary>
    Task Succeeded();
}
