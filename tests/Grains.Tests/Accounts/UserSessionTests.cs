using ParkingGrains.Grains.Accounts;
using ParkingGrains.Grains.Interfaces.Accounts;
using ParkingGrains.Runtime;
using ParkingGrains.Runtime.Testing;
using static ParkingGrains.Grains.Tests.Infrastructure.DomainCluster;

namespace ParkingGrains.Grains.Tests.Accounts;

/// <summary>Sessions and single-use refresh in the user grain: stored with the account, so they outlive silos.</summary>
public sealed class UserSessionTests
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private static readonly TimeSpan Month = TimeSpan.FromDays(30);

    [Fact]
    public async Task SessionsAndUsedRefreshTokens_SurviveASiloCrashAndAWholeClusterRestart()
    {
        var serviceId = TestServers.UniqueId("users");
        void Storage(Runtime.Hosting.SiloBuilder b) => b
            .Configure(o => o.ServiceId = serviceId)
            .AddPostgreSqlGrainStorage("Default", TestServers.PostgreSql)
            .AddPostgreSqlEventLog("Default", TestServers.PostgreSql);

        string stolen;
        string kept;
        await using (var cluster = await StartAsync(silos: 2, Storage))
        {
            var user = await CreateAsync(cluster.GrainFactory, "durable");
            var account = (await user.Get())!;
            stolen = (await user.StartSession(Start("s-stolen", account)))!.SessionId;
            kept = (await user.StartSession(Start("s-kept", account)))!.SessionId;
            Assert.Equal(SessionRefreshOutcome.Rotated, (await user.Refresh(Refresh(stolen, 1))).Outcome);

            // The silo holding the user dies: generation 2 is the valid one on the next activation, and 1 stays used.
            // (Refresh is not idempotent, so the test waits until the client has stopped routing to the dead silo.)
            await cluster.KillSiloAsync(cluster.OwnerOf(new GrainId("user", "durable")));
            await cluster.WaitForLivenessToStabilizeAsync();
            Assert.Equal(SessionRefreshOutcome.Rotated, (await user.Refresh(Refresh(stolen, 2))).Outcome);
            Assert.Equal(SessionRefreshOutcome.Reused, (await user.Refresh(Refresh(stolen, 2))).Outcome);
        }

        // A new cluster over the same database: the ended session is still ended, the other one still live.
        await using (var cluster = await StartAsync(silos: 1, Storage))
        {
            var user = cluster.GrainFactory.GetGrain<IUserGrain>("durable");
            var stamp = (await user.Get())!.SecurityStamp;
            Assert.False(await user.CheckSession(stolen, stamp, T0));
            Assert.Equal(SessionRefreshOutcome.Invalid, (await user.Refresh(Refresh(stolen, 3))).Outcome);
            Assert.True(await user.CheckSession(kept, stamp, T0));
            Assert.Equal(SessionRefreshOutcome.Rotated, (await user.Refresh(Refresh(kept, 1))).Outcome);
        }
    }

    [Fact]
    public async Task ARefreshRotatesOnce_AnOlderGenerationEndsTheSession_AndAFutureOneIsJustInvalid()
    {
        await using var cluster = await StartAsync();
        var user = await CreateAsync(cluster.GrainFactory, "rotates");
        var account = (await user.Get())!;
        var session = (await user.StartSession(Start("s1", account)))!;
        Assert.Equal(1, session.Generation);

        Assert.Equal(SessionRefreshOutcome.Invalid, (await user.Refresh(Refresh("s1", 5))).Outcome);
        Assert.Equal(SessionRefreshOutcome.Invalid, (await user.Refresh(Refresh("nope", 1))).Outcome);
        var rotated = await user.Refresh(Refresh("s1", 1));
        Assert.Equal(SessionRefreshOutcome.Rotated, rotated.Outcome);
        Assert.Equal(2, rotated.Grant!.Generation);
        Assert.True(await user.CheckSession("s1", account.SecurityStamp, T0));

        Assert.Equal(SessionRefreshOutcome.Reused, (await user.Refresh(Refresh("s1", 1))).Outcome);
        Assert.False(await user.CheckSession("s1", account.SecurityStamp, T0));
        Assert.Equal(SessionRefreshOutcome.Invalid, (await user.Refresh(Refresh("s1", 2))).Outcome);
    }

    [Fact]
    public async Task AnAccountChange_EndsEverySession_ButARehashOfTheSamePasswordDoesNot()
    {
        await using var cluster = await StartAsync();
        var user = await CreateAsync(cluster.GrainFactory, "changes");
        var account = (await user.Get())!;
        await user.StartSession(Start("s1", account));

        await user.Rehash(account.PasswordHash, "stronger-hash");
        var rehashed = (await user.Get())!;
        Assert.Equal("stronger-hash", rehashed.PasswordHash);
        Assert.Equal(account.SecurityStamp, rehashed.SecurityStamp);
        Assert.True(await user.CheckSession("s1", account.SecurityStamp, T0));

        // A rehash that lost a race with a real password change leaves the new password alone.
        await user.Rehash("some-older-hash", "should-not-win");
        Assert.Equal("stronger-hash", (await user.Get())!.PasswordHash);

        var changed = (await user.Update(new UserChange([UserRoles.Operator], null, null, T0)))!;
        Assert.NotEqual(account.SecurityStamp, changed.SecurityStamp);
        Assert.False(await user.CheckSession("s1", changed.SecurityStamp, T0));
        Assert.Equal(SessionRefreshOutcome.Invalid, (await user.Refresh(Refresh("s1", 1))).Outcome);

        // A login verified against the old account cannot start a session after the change.
        Assert.Null(await user.StartSession(Start("s2", account)));
        Assert.NotNull(await user.StartSession(Start("s3", changed)));
        await user.Update(new UserChange(null, null, true, T0));
        Assert.Null(await user.StartSession(Start("s4", (await user.Get())!)));
    }

    [Fact]
    public async Task SessionsExpire_AndTheOldestGoWhenAUserHasTooMany()
    {
        await using var cluster = await StartAsync();
        var user = await CreateAsync(cluster.GrainFactory, "many");
        var account = (await user.Get())!;
        for (var i = 0; i <= UserGrain.MaxSessions; i++)
        {
            await user.StartSession(Start($"s{i}", account, T0.AddSeconds(i)));
        }

        Assert.False(await user.CheckSession("s0", account.SecurityStamp, T0));
        Assert.True(await user.CheckSession("s1", account.SecurityStamp, T0));
        Assert.True(await user.CheckSession($"s{UserGrain.MaxSessions}", account.SecurityStamp, T0));

        // Past its refresh token's expiry a session is over, for access and refresh alike.
        Assert.False(await user.CheckSession("s1", account.SecurityStamp, T0 + Week + TimeSpan.FromSeconds(1)));
        Assert.Equal(SessionRefreshOutcome.Invalid, (await user.Refresh(Refresh("s1", 1, T0 + Week + TimeSpan.FromSeconds(1)))).Outcome);
    }

    [Fact]
    public async Task ARefreshWhoseWriteFailed_CanBeRetried_AndIsNotTakenForAReuse()
    {
        var storage = new FailingGrainStorage();
        await using var cluster = await StartAsync(configure: b => b.AddGrainStorage("Default", _ => storage));
        var user = await CreateAsync(cluster.GrainFactory, "outage");
        var account = (await user.Get())!;
        await user.StartSession(Start("s1", account));

        storage.FailNextWrite();
        await Assert.ThrowsAsync<TimeoutException>(() => user.Refresh(Refresh("s1", 1)));

        // The client got an error and sends the same token again: the rotation never happened, so this is no reuse.
        var retried = await user.Refresh(Refresh("s1", 1));
        Assert.Equal(SessionRefreshOutcome.Rotated, retried.Outcome);
        Assert.Equal(2, retried.Grant!.Generation);
    }

    private static async Task<IUserGrain> CreateAsync(IGrainFactory grains, string username)
    {
        var user = grains.GetGrain<IUserGrain>(username);
        Assert.True(await user.Create(new NewUser(username, [UserRoles.Driver], "hash-1", T0)));
        return user;
    }

    private static SessionStart Start(string sessionId, UserAccount account, DateTimeOffset? at = null) =>
        new(sessionId, account.SecurityStamp, at ?? T0, (at ?? T0) + Week, (at ?? T0) + Month);

    private static SessionRefresh Refresh(string sessionId, int generation, DateTimeOffset? at = null) =>
        new(sessionId, generation, at ?? T0.AddMinutes(1), (at ?? T0.AddMinutes(1)) + Week);
}
