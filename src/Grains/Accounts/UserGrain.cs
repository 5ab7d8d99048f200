using ParkingGrains.Grains.Interfaces.Accounts;
using ParkingGrains.Runtime;

namespace ParkingGrains.Grains.Accounts;

public sealed class UserGrain([PersistentState("user")] IPersistentState<UserState> state) : Grain, IUserGrain
{
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
        await state.WriteStateAsync();
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

        // A new stamp ends refresh tokens issued under the old password, roles or enabled state.
        state.State.Account = updated with { SecurityStamp = NewStamp(), UpdatedAt = change.At };
        await state.WriteStateAsync();
        return state.State.Account;
    }

    public Task<UserAccount?> Get() => Task.FromResult(state.State.Account);

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    private static void ValidateRoles(IReadOnlyList<string> roles)
    {
        if (roles.Count == 0 || roles.Any(r => !UserRoles.IsKnown(r)))
        {
            throw new ArgumentException($"A user needs one or more of the roles {string.Join(", ", UserRoles.All)}.", nameof(roles));
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
