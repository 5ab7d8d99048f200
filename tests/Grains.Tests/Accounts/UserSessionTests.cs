using ParkingGrains.Grains.Accounts;
using ParkingGrains.Grains.Interfaces.Accounts;
using ParkingGrains.Grains.Tests.Infrastructure;
using static ParkingGrains.Grains.Tests.Accounts.UserSessionSteps;
using static ParkingGrains.Grains.Tests.Infrastructure.DomainCluster;

namespace ParkingGrains.Grains.Tests.Accounts;

/// <summary>Sessions and single-use refresh in the user grain: rotation, reuse, expiry, and what ends them.</summary>
[Collection(DomainCollection.Name)]
public sealed class UserSessionTests(DomainClusterFixture fixture)
{
    [Fact]
    public async Task ARefreshRotatesOnce_AnOlderGenerationEndsTheSession_AndAFutureOneIsJustInvalid()
    {
        var user = await CreateAsync(fixture.Grains, "rotates");
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
        var user = await CreateAsync(fixture.Grains, "changes");
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
        var user = await CreateAsync(fixture.Grains, "many");
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
        var user = await CreateAsync(fixture.Grains, "outage");
        var account = (await user.Get())!;
        await user.StartSession(Start("s1", account));

        fixture.Storage.FailNextWrite(user.GetGrainId());
        // Orleans wraps a storage provider's failure in an OrleansException that carries it.
        var failed = await Assert.ThrowsAsync<OrleansException>(() => user.Refresh(Refresh("s1", 1)));
        Assert.IsType<TimeoutException>(failed.InnerException);

        // The client got an error and sends the same token again: the rotation never happened, so this is no reuse.
        var retried = await user.Refresh(Refresh("s1", 1));
        Assert.Equal(SessionRefreshOutcome.Rotated, retried.Outcome);
        Assert.Equal(2, retried.Grant!.Generation);
    }
}
