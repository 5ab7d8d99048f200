using ParkingGrains.Runtime;

namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>
/// One user account (key: the username, lower-case). Passwords are hashed by the caller (the web host, with the
/// in-box <c>PasswordHasher</c>) so the slow hash never runs on a grain turn and no password reaches a silo.
/// </summary>
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Creates the user; false (and no change) when it already exists.</summary>
    Task<bool> Create(NewUser user);

    /// <summary>Applies the change; null when the user does not exist.</summary>
    Task<UserAccount?> Update(UserChange change);

    [ReadOnly]
    Task<UserAccount?> Get();
}
