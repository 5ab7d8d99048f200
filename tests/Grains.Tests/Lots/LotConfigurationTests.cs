using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Runtime.Testing;
using static ParkingGrains.Grains.Tests.Infrastructure.DomainCluster;

namespace ParkingGrains.Grains.Tests.Lots;

/// <summary>Admin changes to a lot: create once, reconfigure against a revision, remove only when empty.</summary>
public sealed class LotConfigurationTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Create_ConfiguresOnce_ThenRefusesWithAlreadyConfigured()
    {
        var lot = Lot("C1");
        var created = await lot.Create(TestLayout("C1", cars: 2), Tariff());
        Assert.True(created.Applied, string.Join("; ", created.Problems));

        var again = await lot.Create(TestLayout("C1", cars: 5), Tariff());

        Assert.False(again.Applied);
        Assert.Equal(LotConflict.AlreadyConfigured, again.Conflict);
        Assert.Equal(created.Revision, again.Revision);
        Assert.Equal(2, (await lot.GetLayout())!.Slots.Count);
    }

    [Fact]
    public async Task Reconfigure_AppliesOnlyAtTheExpectedRevision_AndEntriesDoNotChangeTheRevision()
    {
        var lot = Lot("C2");
        var created = await lot.Create(TestLayout("C2", cars: 2), Tariff());
        await lot.Enter(new EntryCommand("e1", "C2-in", "REV-1", null, VehicleClass.Car, T0));
        var read = (await lot.GetConfiguration())!;
        Assert.Equal(created.Revision, read.Revision);

        var stale = await lot.Reconfigure(TestLayout("C2", cars: 4), Tariff(), read.Revision - 1);
        Assert.Equal((false, LotConflict.RevisionChanged), (stale.Applied, stale.Conflict));
        Assert.Equal(2, (await lot.GetLayout())!.Slots.Count);

        var applied = await lot.Reconfigure(TestLayout("C2", cars: 4), Tariff(), read.Revision);
        Assert.True(applied.Applied, string.Join("; ", applied.Problems));
        Assert.Equal(read.Revision + 1, applied.Revision);
        Assert.Equal(4, (await lot.GetConfiguration())!.Layout.Slots.Count);
        Assert.Equal(1, (await lot.GetStatus()).ActiveSessions);

        var unknown = await Lot("C2-none").Reconfigure(TestLayout("C2-none", cars: 1), Tariff(), 0);
        Assert.Equal(LotConflict.NotConfigured, unknown.Conflict);
    }

    [Fact]
    public async Task TwoAdminsReconfiguringFromTheSameRevision_ExactlyOneWins()
    {
        var lot = Lot("C3");
        var revision = (await lot.Create(TestLayout("C3", cars: 2), Tariff())).Revision;

        var results = await Task.WhenAll(
            lot.Reconfigure(TestLayout("C3", cars: 3), Tariff(), revision),
            lot.Reconfigure(TestLayout("C3", cars: 5), Tariff(), revision));

        Assert.Single(results, r => r.Applied);
        Assert.Single(results, r => r.Conflict == LotConflict.RevisionChanged);
        var winner = results.Single(r => r.Applied);
        Assert.Equal(revision + 1, (await lot.GetConfiguration())!.Revision);
        Assert.Equal(winner.Revision, (await lot.GetConfiguration())!.Revision);
    }

    [Fact]
    public async Task Reconfigure_RefusesToDropAnOccupiedSlot_AndUnassignsADroppedGate()
    {
        var lot = Lot("C4");
        var revision = (await lot.Create(TestLayout("C4", cars: 2, extraEntryGates: 1), Tariff())).Revision;
        var entry = await lot.Enter(new EntryCommand("e1", "C4-in", "OCC-1", null, VehicleClass.Car, T0));
        Assert.Equal("c1", entry.Slot!.SlotId);

        var layout = (await lot.GetLayout())!;
        var withoutC1 = layout with { Slots = [.. layout.Slots.Where(s => s.SlotId != "c1")] };
        var refused = await lot.Reconfigure(withoutC1, Tariff(), revision);
        Assert.False(refused.Applied);
        Assert.Contains(refused.Problems, p => p.Code == "SlotInUse" && p.Message.Contains("c1", StringComparison.Ordinal));

        Assert.Equal("C4", (await Gate("C4-in1").GetStatus()).LotId);
        var withoutGate = layout with
        {
            Gates = [.. layout.Gates.Where(g => g.GateId != "C4-in1")],
            Slots = [.. layout.Slots.Select(s => s with { GateDistances = s.GateDistances.Where(d => d.Key != "C4-in1").ToDictionary() })],
        };
        Assert.True((await lot.Reconfigure(withoutGate, Tariff(), revision)).Applied);
        Assert.Null((await Gate("C4-in1").GetStatus()).LotId);
        Assert.Equal("C4", (await Gate("C4-in").GetStatus()).LotId);
    }

    [Fact]
    public async Task Remove_IsRefusedWhileVehiclesAreInside_ThenUnregistersAndUnassigns_AndTheLotCanBeCreatedAgain()
    {
        var lot = Lot("C5");
        await lot.Create(TestLayout("C5", cars: 2), Tariff());
        var entry = await lot.Enter(new EntryCommand("e1", "C5-in", "RM-1", null, VehicleClass.Car, T0));
        var revision = (await lot.GetConfiguration())!.Revision;

        var stale = await lot.Remove(revision - 1);
        Assert.Equal((false, LotConflict.RevisionChanged), (stale.Removed, stale.Conflict));
        var occupied = await lot.Remove(revision);
        Assert.Equal((false, LotConflict.NotEmpty), (occupied.Removed, occupied.Conflict));
        Assert.Contains("1 vehicle", occupied.ConflictText, StringComparison.Ordinal);

        await lot.ForceExit(new ForceExitCommand("f1", entry.SessionId!, "admin", "closing the lot", T0.AddMinutes(5)));
        var removed = await lot.Remove(revision);

        Assert.True(removed.Removed);
        Assert.Equal(revision + 1, removed.Revision);
        Assert.False((await lot.GetStatus()).Configured);
        Assert.Null(await lot.GetConfiguration());
        Assert.DoesNotContain(await _cluster.GrainFactory.GetGrain<ILotDirectoryGrain>(ILotDirectoryGrain.Key).List(), l => l.LotId == "C5");
        Assert.Null((await Gate("C5-in").GetStatus()).LotId);
        Assert.Equal(DenialReason.LotNotConfigured, (await lot.Enter(new EntryCommand("e2", "C5-in", "RM-2", null, VehicleClass.Car, T0))).Reason);
        Assert.Equal(LotConflict.NotConfigured, (await lot.Remove(removed.Revision)).Conflict);

        // Created again, the lot keeps counting tickets, so a new stay never reuses an old session id.
        var recreated = await lot.Create(TestLayout("C5", cars: 1), Tariff());
        Assert.True(recreated.Applied);
        Assert.Equal(removed.Revision + 1, recreated.Revision);
        Assert.Equal("C5", (await Gate("C5-in").GetStatus()).LotId);
        Assert.Equal("T000002", (await lot.Enter(new EntryCommand("e3", "C5-in", "RM-3", null, VehicleClass.Car, T0))).Ticket);
    }

    [Fact]
    public async Task TheRevisionSurvivesAReactivation_AlsoFromASnapshot()
    {
        var lot = Lot("C6");
        var created = await lot.Create(TestLayout("C6", cars: 1), Tariff());
        var revision = (await lot.Reconfigure(TestLayout("C6", cars: 2), Tariff(), created.Revision)).Revision;

        // Enough events for a snapshot (every 1,000): the revision must be part of it, not only of the replay.
        for (var i = 0; i < 520; i++)
        {
            var entry = await lot.Enter(new EntryCommand($"in-{i}", "C6-in", $"SNAP-{i}", null, VehicleClass.Car, T0.AddSeconds(i)));
            await lot.Exit(new ExitCommand($"out-{i}", "C6-out", null, null, entry.Ticket, T0.AddSeconds(i)));
        }

        Assert.True((await lot.GetStatus()).Version > 1_000);
        var added = await _cluster.StartAdditionalSiloAsync();
        await _cluster.WaitForLivenessToStabilizeAsync();
        foreach (var silo in _cluster.Silos.Where(s => s != added).ToList())
        {
            await _cluster.StopSiloAsync(silo);
        }

        await _cluster.WaitForLivenessToStabilizeAsync();
        var after = (await Lot("C6").GetConfiguration())!;
        Assert.Equal(revision, after.Revision);
        Assert.Equal(2, after.Layout.Slots.Count);
        Assert.Equal(LotConflict.RevisionChanged, (await Lot("C6").Reconfigure(TestLayout("C6", cars: 3), Tariff(), created.Revision)).Conflict);
    }

    private ILotGrain Lot(string lotId) => _cluster.GrainFactory.GetGrain<ILotGrain>(lotId);

    private IGateGrain Gate(string gateId) => _cluster.GrainFactory.GetGrain<IGateGrain>(gateId);
}
