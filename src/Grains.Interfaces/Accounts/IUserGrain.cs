using Orleans;
using Orleans.Concurrency;
using ParkingGrains.Grains.Interfaces.Calls;

namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>
/// One user account (key: the username, lower-case) and its signed-in sessions. Passwords are hashed by the caller
/// (the web host, with the in-box <c>PasswordHasher</c>) so the slow hash never runs on a grain turn and no password
/// reaches a silo.
/// </summary>
/// <remarks>
/// A session is one login: one family of refresh tokens, each usable once (see <see cref="Refresh"/>), and the access
/// tokens issued with them, which every web instance checks against this grain on every request
/// (<see cref="CheckSession"/>). Sessions are stored with the account, so they hold across web instances and restarts,
/// and a change of password, roles or enabled state (a new security stamp) ends them all in the same write.
/// </remarks>
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Creates the user; false (and no change) when it already exists.</summary>
    Task<bool> Create(NewUser user);

    /// <summary>Applies the change; null when the user does not exist. A change that gives a new security stamp ends every session.</summary>
    Task<UserAccount?> Update(UserChange change);

    [ReadOnly]
    Task<UserAccount?> Get();

    /// <summary>
    /// Stores a stronger hash of the same password (the hasher asked for a rehash at login) when the stored hash is
    /// still <paramref name="currentHash"/>. Not a password change: the stamp and the sessions stay.
    /// </summary>
    Task Rehash(string currentHash, string newHash);

    /// <summary>Starts a session after a verified login; null when the user is gone, disabled, or changed since (other stamp).</summary>
    Task<SessionGrant?> StartSession(SessionStart start);

    /// <summary>
    /// Single-use refresh: the session's current generation rotates to the next; an older generation means the token
    /// was used before — a copy is in someone else's hands — so the session ends for everyone holding its tokens.
    /// </summary>
    Task<SessionRefreshResult> Refresh(SessionRefresh refresh);

    /// <summary>Whether an access token of <paramref name="sessionId"/>, issued under <paramref name="securityStamp"/>, is still good at <paramref name="at"/>.</summary>
    [ReadOnly]
    Task<bool> CheckSession(string sessionId, string securityStamp, DateTimeOffset at);

    /// <summary>Logout: ends the session; its access and refresh tokens stop working at once. Ending an unknown session is a no-op.</summary>
    [Idempotent]
    Task EndSession(string sessionId);
}
