using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Lots;
using Xunit.Abstractions;

namespace ParkingGrains.Silo.Tests;

/// <summary>
/// Three silo processes (Redis membership, PostgreSQL state) and the web API as its own process, with gate traffic
/// through REST and the cluster client while a silo is killed, frozen, or all of them are restarted one by one.
/// </summary>
public sealed class MultiProcessFailoverTests(ITestOutputHelper output)
{
    [Fact]
    public async Task KillNineOfTheSiloHostingALot_GateCallsRecover_NoAcknowledgedDecisionIsLost_AndItsReminderStillFires()
    {
        await using var cluster = await FailoverCluster.StartAsync(output, "kill");
        var lotId = await cluster.ConfigureLotOnItsReminderOwnerAsync(cars: 40);
        var lot = cluster.Client.GetGrain<ILotGrain>(lotId);
        var traffic = GateTraffic.Start(cluster, lotId);
        try
        {
            await traffic.WaitForSuccessesAsync(60, TimeSpan.FromSeconds(60));

            // A reservation whose window starts a few seconds after the kill: only the lot's reminder can hold it.
            var now = DateTimeOffset.UtcNow;
            var reserved = await lot.Reserve(new ReservationCommand($"{lotId}-reserve", "holder-1", "RSV001", null, VehicleClass.Car, null, now.AddSeconds(4), now.AddHours(1), now));
            Assert.True(reserved.Accepted, reserved.ReasonText);
            Assert.Equal(ReservationStatus.Booked, reserved.Status);

            var victim = await cluster.HostOfAsync(lot);
            Assert.Equal(ReservationStatus.Booked, (await lot.GetReservations()).Single(r => r.ReservationId == reserved.ReservationId).Status);
            await victim.KillAsync();
            var killedAt = traffic.Now; // the process is gone: whatever answers now is a survivor
            cluster.Log($"kill -9 {victim.Name} (pid {victim.Id}), which hosted lot {lotId}");
            Assert.True(DateTimeOffset.UtcNow < now.AddSeconds(4), "the reservation window must start after the kill");

            var recovery = await traffic.RecoveryAfterAsync(killedAt, TimeSpan.FromSeconds(30));
            cluster.Log($"kill -9 recovery: {FailoverCluster.Seconds(recovery)} s");
            await traffic.WaitForSuccessesAfterAsync(killedAt, 60, TimeSpan.FromSeconds(60));

            var held = await Eventually.ReturnsAsync(
                async () => (await lot.GetReservations()).Single(r => r.ReservationId == reserved.ReservationId),
                r => r.Status == ReservationStatus.Held, TimeSpan.FromSeconds(30), "the reservation reminder holds the slot after the kill");
            cluster.Log($"reservation {held.ReservationId} is {held.Status} on slot {held.SlotId}");
            Assert.NotEqual(victim.SiloPort, (await cluster.HostOfAsync(lot)).SiloPort);

            await traffic.StopAsync();
            await cluster.VerifyAsync(lotId, traffic);
            // When the killed silo also held the lot's grain-directory entry nothing finds the lot until the silo is
            // evicted, so this bound is the eviction time of src/Silo's probes (every 2 s, 3 missed, two votes).
            Assert.True(recovery < TimeSpan.FromSeconds(10), $"kill -9 recovery took {FailoverCluster.Seconds(recovery)} s");
        }
        finally
        {
            await traffic.StopAsync().ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [Fact]
    public async Task SigStopOfTheSiloHostingALot_ItIsEvicted_AndGateCallsRecover_NoAcknowledgedDecisionIsLost()
    {
        await using var cluster = await FailoverCluster.StartAsync(output, "stop");
        var lotId = await cluster.ConfigureLotOnItsReminderOwnerAsync(cars: 40);
        var lot = cluster.Client.GetGrain<ILotGrain>(lotId);
        var traffic = GateTraffic.Start(cluster, lotId);
        HostProcess? victim = null;
        try
        {
            await traffic.WaitForSuccessesAsync(60, TimeSpan.FromSeconds(60));
            victim = await cluster.HostOfAsync(lot);
            await victim.FreezeAsync();
            var frozenAt = traffic.Now;
            cluster.Log($"SIGSTOP {victim.Name} (pid {victim.Id}), which hosted lot {lotId}");

            var recovery = await traffic.RecoveryAfterAsync(frozenAt, TimeSpan.FromSeconds(40));
            cluster.Log($"SIGSTOP recovery: {FailoverCluster.Seconds(recovery)} s");
            await cluster.WaitForActiveSilosAsync(2, TimeSpan.FromSeconds(60));
            cluster.Log("the frozen silo is evicted from the membership");
            await traffic.WaitForSuccessesAfterAsync(frozenAt, 60, TimeSpan.FromSeconds(60));

            await traffic.StopAsync();
            await cluster.VerifyAsync(lotId, traffic);
            // A frozen silo is found only by the membership probes (its TCP connections stay open).
            Assert.True(recovery < TimeSpan.FromSeconds(20), $"SIGSTOP recovery took {FailoverCluster.Seconds(recovery)} s");
        }
        finally
        {
            await traffic.StopAsync().ContinueWith(_ => { }, TaskScheduler.Default);
            if (victim is not null)
            {
                await victim.ThawAsync().ContinueWith(_ => { }, TaskScheduler.Default);
                await victim.KillAsync();
            }
        }
    }

    [Fact]
    public async Task RollingRestartOfAllThreeSilos_TrafficContinues_AndNoAcknowledgedDecisionIsLost()
    {
        await using var cluster = await FailoverCluster.StartAsync(output, "roll");
        var lotId = await cluster.ConfigureLotOnItsReminderOwnerAsync(cars: 40);
        var traffic = GateTraffic.Start(cluster, lotId);
        try
        {
            await traffic.WaitForSuccessesAsync(60, TimeSpan.FromSeconds(60));
            foreach (var old in cluster.Silos.ToList())
            {
                var replacement = await cluster.StartSiloAsync();
                await cluster.WaitForActiveSilosAsync(4);
                var stoppedAt = traffic.Now;
                await old.StopGracefullyAsync(TimeSpan.FromSeconds(60));
                await cluster.WaitForActiveSilosAsync(3);
                await traffic.WaitForSuccessesAfterAsync(stoppedAt, 30, TimeSpan.FromSeconds(30));
                cluster.Log($"{old.Name} stopped gracefully, {replacement.Name} replaced it; {traffic.Successes} answered calls so far");
            }

            await traffic.StopAsync();
            await cluster.VerifyAsync(lotId, traffic);
        }
        finally
        {
            await traffic.StopAsync().ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
