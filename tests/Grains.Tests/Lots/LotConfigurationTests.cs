using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Tests.Infrastructure;
using static ParkingGrains.Grains.Tests.Infrastructure.DomainCluster;

namespace ParkingGrains.Grains.Tests.Lots;

/// <summary>Admin changes to a lot: create once, reconfigure against a revision, remove only when empty.</summary>
[Collection(DomainCollection.Name)]
public sealed class LotConfigurationTests(DomainClusterFixture fixture)
{
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
        Assert.DoesNotContain(await fixture.Grains.GetGrain<ILotDirectoryGrain>(ILotDirectoryGrain.Key).List(), l => l.LotId == "C5");
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

    private ILotGrain Lot(string lotId) => fixture.Grains.GetGrain<ILotGrain>(lotId);

    private IGateGrain Gate(string gateId) => fixture.Grains.GetGrain<IGateGrain>(gateId);
}
