using ParkingGrains.Grains.Interfaces.Validation;
using ParkingGrains.Grains.Persistence;
using ParkingGrains.Grains.Interfaces.Accounts;

namespace ParkingGrains.Grains.Accounts;

/// <summary>A user account and its sessions (see <see cref="IUserGrain"/>); every change is written before it is acknowledged.</summary>
public sealed class UserGrain([PersistentState("user")] IPersistentState<UserState> state) : Grain, IUserGrain
{
    /// <summary>
    /// Sessions kept per user. A client that logs in again and again without logging out would otherwise grow the
    /// state without bound; past this the least recently refreshed session is ended.
    /// </summary>
    public const int MaxSessions = 50;

    private string Username => this.GetPrimaryKeyString();

    public async Task<bool> Create(NewUser user)
    {
        if (user.Username != Username)
        {
            throw new ArgumentException($"User {user.Username} sent to user grain {Username}.", nameof(user));
        }

        ValidateRoles(user.Roles);
        ValidateHash(user.PasswordHash);
        if (state.State.Account is not null)
        {
            return false;
        }

        // Listed first: a user that exists but is missing from the directory could never be listed, the reverse is skipped.
        await GrainFactory.GetGrain<IUserDirectoryGrain>(AccountGrainKeys.UserDirectory).Add(Username);
        state.State.Account = new UserAccount(Username, [.. user.Roles.Distinct()], user.PasswordHash, false, NewStamp(), user.At, user.At);
        await this.WriteOrForgetAsync(state);
        return true;
    }

    public async Task<UserAccount?> Update(UserChange change)
    {
        if (state.State.Account is not { } account)
        {
            return null;
        }

        if (change.Roles is not null)
        {
            ValidateRoles(change.Roles);
        }

        if (change.PasswordHash is not null)
        {
            ValidateHash(change.PasswordHash);
        }

        var updated = account with
        {
            Roles = change.Roles is null ? account.Roles : [.. change.Roles.Distinct()],
            PasswordHash = change.PasswordHash ?? account.PasswordHash,
            Disabled = change.Disabled ?? account.Disabled,
        };
        var changed = !updated.Roles.SequenceEqual(account.Roles) || updated.PasswordHash != account.PasswordHash || updated.Disabled != account.Disabled;
        if (!changed)
        {
            return account;
        }

        // A new stamp ends every session: tokens issued under the old password, roles or enabled state stop working
        // in the same write that makes the change.
        state.State.Account = updated with { SecurityStamp = NewStamp(), UpdatedAt = change.At };
        state.State.Sessions.Clear();
        await this.WriteOrForgetAsync(state);
        return state.State.Account;
    }

    public Task<UserAccount?> Get() => Task.FromResult(state.State.Account);

    public async Task Rehash(string currentHash, string newHash)
    {
        ValidateHash(newHash);
        if (state.State.Account is not { } account || account.PasswordHash != currentHash || newHash == currentHash)
        {
            // Changed since the login read it (e.g. a new password): that change stands.
            return;
        }

        state.State.Account = account with { PasswordHash = newHash };
        await this.WriteOrForgetAsync(state);
    }

    public async Task<SessionGrant?> StartSession(SessionStart start)
    {
        if (string.IsNullOrWhiteSpace(start.SessionId) || start.RefreshExpiresAt <= start.At || start.EndsAt <= start.At)
        {
            throw new ArgumentException("A session needs an id and lifetimes after its start.", nameof(start));
        }

        if (state.State.Account is not { Disabled: false } account || account.SecurityStamp != start.SecurityStamp)
        {
            return null;
        }

        var sessions = state.State.Sessions;
        Prune(sessions, start.At);
        if (sessions.Exists(s => s.SessionId == start.SessionId))
        {
            throw new ArgumentException($"Session {start.SessionId} already exists.", nameof(start));
        }

        while (sessions.Count >= MaxSessions)
        {
            sessions.Remove(sessions.MinBy(s => s.LastRefreshedAt)!);
        }

        var session = new UserSession
        {
            SessionId = start.SessionId,
            Generation = 1,
            CreatedAt = start.At,
            LastRefreshedAt = start.At,
            ExpiresAt = Min(start.RefreshExpiresAt, start.EndsAt),
            EndsAt = start.EndsAt,
        };
        sessions.Add(session);
        await this.WriteOrForgetAsync(state);
        return Grant(account, session);
    }

    public async Task<SessionRefreshResult> Refresh(SessionRefresh refresh)
    {
        var sessions = state.State.Sessions;
        var session = sessions.Find(s => s.SessionId == refresh.SessionId);
        if (session is null || refresh.Generation > session.Generation)
        {
            // Unknown session, or a generation never handed out: nothing to rotate and nothing to end.
            return SessionRefreshResult.Invalid;
        }

        if (state.State.Account is not { Disabled: false } account || refresh.At >= session.ExpiresAt)
        {
            sessions.Remove(session);
            await this.WriteOrForgetAsync(state);
            return SessionRefreshResult.Invalid;
        }

        if (refresh.Generation < session.Generation)
        {
            // Used before. Either the holder or a thief has the newer token, and we cannot tell which: end the session
            // for both (RFC 9700 §4.14.2), so whoever is legitimate logs in again and the thief is out.
            sessions.Remove(session);
            await this.WriteOrForgetAsync(state);
            return SessionRefreshResult.Reused;
        }

        session.Generation++;
        session.LastRefreshedAt = refresh.At;
        session.ExpiresAt = Min(refresh.RefreshExpiresAt, session.EndsAt);
        Prune(sessions, refresh.At);
        await this.WriteOrForgetAsync(state);
        return new SessionRefreshResult(SessionRefreshOutcome.Rotated, Grant(account, session));
    }

    public Task<bool> CheckSession(string sessionId, string securityStamp, DateTimeOffset at) => Task.FromResult(
        state.State.Account is { Disabled: false } account
        && account.SecurityStamp == securityStamp
        && state.State.Sessions.Exists(s => s.SessionId == sessionId && at < s.ExpiresAt));

    public async Task EndSession(string sessionId)
    {
        if (state.State.Sessions.RemoveAll(s => s.SessionId == sessionId) > 0)
        {
            await this.WriteOrForgetAsync(state);
        }
    }

    private static SessionGrant Grant(UserAccount account, UserSession session) =>
        new(account, session.SessionId, session.Generation, session.ExpiresAt, session.EndsAt);

    private static void Prune(List<UserSession> sessions, DateTimeOffset now) => sessions.RemoveAll(s => s.ExpiresAt <= now);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    private static void ValidateRoles(IReadOnlyList<string> roles)
    {
        if (roles.Count == 0 || roles.Any(r => !UserRoles.IsKnown(r)))
        {
            throw new InvalidCommandException("roles", $"A user needs one or more of the roles {string.Join(", ", UserRoles.All)}.");
        }
    }

    private static void ValidateHash(string hash)
    {
        if (string.IsNullOrWhiteSpace(hash))
        {
            throw new ArgumentException("A password hash is required.", nameof(hash));
        }
    }
}
