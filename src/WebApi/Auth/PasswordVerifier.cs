using Microsoft.AspNetCore.Identity;
using ParkingGrains.Grains.Interfaces.Accounts;

namespace ParkingGrains.WebApi.Auth;

/// <summary>
/// Hashes and checks passwords with the in-box <see cref="PasswordHasher{TUser}"/> (PBKDF2). An unknown user is
/// checked against a dummy hash so the response time does not reveal which usernames exist.
/// </summary>
public sealed class PasswordVerifier(IPasswordHasher<UserAccount> hasher)
{
    private static readonly UserAccount s_nobody = new("-", [], "-", true, "-", DateTimeOffset.MinValue, DateTimeOffset.MinValue);
    private readonly Lazy<string> _dummyHash = new(() => hasher.HashPassword(s_nobody, Guid.NewGuid().ToString("N")));

    public string Hash(string username, string password) =>
        hasher.HashPassword(s_nobody with { Username = username }, password);

    public PasswordVerificationResult Verify(UserAccount? user, string password)
    {
        if (user is null)
        {
            hasher.VerifyHashedPassword(s_nobody, _dummyHash.Value, password);
            return PasswordVerificationResult.Failed;
        }

        return hasher.VerifyHashedPassword(user, user.PasswordHash, password);
    }
}
