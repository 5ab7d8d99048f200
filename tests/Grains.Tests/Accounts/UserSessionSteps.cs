using ParkingGrains.Grains.Interfaces.Accounts;
using static ParkingGrains.Grains.Tests.Infrastructure.DomainCluster;

namespace ParkingGrains.Grains.Tests.Accounts;

/// <summary>A user to test sessions with, and the session requests a login and a refresh make.</summary>
public static class UserSessionSteps
{
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);
    public static readonly TimeSpan Month = TimeSpan.FromDays(30);

    public static async Task<IUserGrain> CreateAsync(IGrainFactory grains, string username)
    {
        var user = grains.GetGrain<IUserGrain>(username);
        Assert.True(await user.Create(new NewUser(username, [UserRoles.Driver], "hash-1", T0)));
        return user;
    }

    public static SessionStart Start(string sessionId, UserAccount account, DateTimeOffset? at = null) =>
        new(sessionId, account.SecurityStamp, at ?? T0, (at ?? T0) + Week, (at ?? T0) + Month);

    public static SessionRefresh Refresh(string sessionId, int generation, DateTimeOffset? at = null) =>
        new(sessionId, generation, at ?? T0.AddMinutes(1), (at ?? T0.AddMinutes(1)) + Week);
}
