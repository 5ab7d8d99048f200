using ParkingGrains.Grains.Interfaces.Accounts;
using ParkingGrains.Grains.Tests.Infrastructure;
using static ParkingGrains.Grains.Tests.Accounts.UserSessionSteps;
using static ParkingGrains.Grains.Tests.Infrastructure.DomainCluster;

namespace ParkingGrains.Grains.Tests.Accounts;

/// <summary>
/// Sessions are stored with the account, so they outlive silos: a crash of the silo holding the user, then a whole
/// new cluster over the same storage. Its subject is the cluster's life, so it starts its own clusters.
/// </summary>
public sealed class UserSessionDurabilityTests
{
    [Fact]
    public async Task SessionsAndUsedRefreshTokens_SurviveASiloCrashAndAWholeClusterRestart()
    {
        // One store for both clusters, as a database would be (it outlives every silo of either).
        var storage = new SharedGrainStorage();
        var serviceId = TestServers.UniqueId("users");

        string stolen;
        string kept;
        await using (var cluster = await StartAsync(silos: 2, storage: storage, serviceId: serviceId, failover: true))
        {
            var user = await CreateAsync(cluster.Client, "durable");
            var account = (await user.Get())!;
            stolen = (await user.StartSession(Start("s-stolen", account)))!.SessionId;
            kept = (await user.StartSession(Start("s-kept", account)))!.SessionId;
            Assert.Equal(SessionRefreshOutcome.Rotated, (await user.Refresh(Refresh(stolen, 1))).Outcome);

            // The silo holding the user dies: generation 2 is the valid one on the next activation, and 1 stays used.
            // (Refresh is not idempotent, so the test waits until the cluster and client have stopped routing to the dead silo.)
            await cluster.KillSiloAsync(cluster.HostOf(user));
            await cluster.WaitForLivenessToStabilizeAsync(didKill: true);
            Assert.Equal(SessionRefreshOutcome.Rotated, (await user.Refresh(Refresh(stolen, 2))).Outcome);
            Assert.Equal(SessionRefreshOutcome.Reused, (await user.Refresh(Refresh(stolen, 2))).Outcome);
        }

        // A new cluster over the same storage: the ended session is still ended, the other one still live.
        await using (var cluster = await StartAsync(silos: 1, storage: storage, serviceId: serviceId))
        {
            var user = cluster.Client.GetGrain<IUserGrain>("durable");
            var stamp = (await user.Get())!.SecurityStamp;
            Assert.False(await user.CheckSession(stolen, stamp, T0));
            Assert.Equal(SessionRefreshOutcome.Invalid, (await user.Refresh(Refresh(stolen, 3))).Outcome);
            Assert.True(await user.CheckSession(kept, stamp, T0));
            Assert.Equal(SessionRefreshOutcome.Rotated, (await user.Refresh(Refresh(kept, 1))).Outcome);
        }
    }
}
