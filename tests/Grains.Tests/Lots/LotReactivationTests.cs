using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Tests.Infrastructure;
using static ParkingGrains.Grains.Tests.Infrastructure.DomainCluster;

namespace ParkingGrains.Grains.Tests.Lots;

/// <summary>A lot activated afresh on a new silo (every old one stopped) rebuilds its answers from the event log and its snapshot.</summary>
[Collection(RestartCollection.Name)]
public sealed class LotReactivationTests(DomainClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task ARepeatedEventId_ReturnsTheOriginalDecision_EvenAfterTheLotReactivates()
    {
        var lot = await Grains.ConfiguredLotAsync("L2", cars: 2);
        var first = await lot.Enter(new EntryCommand("same", "L2-in", "AAA111", null, VehicleClass.Car, T0));
        var repeat = await lot.Enter(new EntryCommand("same", "L2-in", "AAA111", null, VehicleClass.Car, T0.AddMinutes(1)));

        Assert.Equal(first.SessionId, repeat.SessionId);
        Assert.Equal(first.Slot, repeat.Slot);
        Assert.Equal(1, (await lot.GetStatus()).ActiveSessions);

        await fixture.Cluster.RestartAllSilosAsync();
        var afterRestart = await Grains.GetGrain<ILotGrain>("L2").Enter(new EntryCommand("same", "L2-in", "AAA111", null, VehicleClass.Car, T0));
        Assert.Equal(first.SessionId, afterRestart.SessionId);
        Assert.Equal(1, (await Grains.GetGrain<ILotGrain>("L2").GetStatus()).ActiveSessions);
    }

    [Fact]
    public async Task AfterASnapshot_RepeatsOfOlderCommandsStillReturnTheirOriginalDecisions()
    {
        // Enough decisions for a snapshot (every 1,000 events); command results are rebuilt from the events before it.
        var lot = await Grains.ConfiguredLotAsync("L16", cars: 5);
        var first = await lot.Enter(new EntryCommand("first", "L16-in", "OLD-1", null, VehicleClass.Car, T0));
        for (var i = 0; i < 600; i++)
        {
            var entry = await lot.Enter(new EntryCommand($"in-{i}", "L16-in", $"CAR-{i}", null, VehicleClass.Car, T0.AddSeconds(i)));
            await lot.Exit(new ExitCommand($"out-{i}", "L16-out", null, null, entry.Ticket, T0.AddSeconds(i)));
        }

        Assert.True((await lot.GetStatus()).Version > 1_000);
        await fixture.Cluster.RestartAllSilosAsync();

        var repeat = await Grains.GetGrain<ILotGrain>("L16").Enter(new EntryCommand("first", "L16-in", "OLD-1", null, VehicleClass.Car, T0));
        Assert.Equal((first.SessionId, first.Slot), (repeat.SessionId, repeat.Slot));
        var exitRepeat = await Grains.GetGrain<ILotGrain>("L16").Exit(new ExitCommand("out-3", "L16-out", null, null, "T000005", T0));
        Assert.True(exitRepeat.Open);
        Assert.Single(await Grains.GetGrain<ILotGrain>("L16").GetActiveSessions(null));
    }

    [Fact]
    public async Task TheRevisionSurvivesAReactivation_AlsoFromASnapshot()
    {
        var lot = Grains.GetGrain<ILotGrain>("C6");
        var created = await lot.Create(TestLayout("C6", cars: 1), Tariff());
        var revision = (await lot.Reconfigure(TestLayout("C6", cars: 2), Tariff(), created.Revision)).Revision;

        // Enough events for a snapshot (every 1,000): the revision must be part of it, not only of the replay.
        for (var i = 0; i < 520; i++)
        {
            var entry = await lot.Enter(new EntryCommand($"in-{i}", "C6-in", $"SNAP-{i}", null, VehicleClass.Car, T0.AddSeconds(i)));
            await lot.Exit(new ExitCommand($"out-{i}", "C6-out", null, null, entry.Ticket, T0.AddSeconds(i)));
        }

        Assert.True((await lot.GetStatus()).Version > 1_000);
        await fixture.Cluster.RestartAllSilosAsync();

        var after = (await Grains.GetGrain<ILotGrain>("C6").GetConfiguration())!;
        Assert.Equal(revision, after.Revision);
        Assert.Equal(2, after.Layout.Slots.Count);
        Assert.Equal(LotConflict.RevisionChanged, (await Grains.GetGrain<ILotGrain>("C6").Reconfigure(TestLayout("C6", cars: 3), Tariff(), created.Revision)).Conflict);
    }
}
