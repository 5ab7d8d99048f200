using System.Text.Json;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Lots.Events;
using ParkingGrains.Grains.Tests.Infrastructure;
using ParkingGrains.Storage.EventLog;
using ParkingGrains.Storage.GrainState;
using ParkingGrains.Storage.Hosting;
using static ParkingGrains.Grains.Tests.Infrastructure.DomainCluster;

namespace ParkingGrains.Grains.Tests.Lots;

/// <summary>
/// A second writer appends to a lot's stream behind the live activation's back, as a duplicate activation does during
/// a failover. The live activation's next decision was taken on a state that is no longer the stream's: it must fail
/// rather than be applied, and the retried command is decided again on the stored state.
/// </summary>
public sealed class LotWriteConflictTests
{
    [Fact]
    public async Task ADecisionOnAStaleState_FailsAndIsDecidedAgain_NoSlotGivenTwiceAndNoTicketReused()
    {
        var log = new MemoryEventLogStorage();
        await using var cluster = await StartAsync(configure: silo => silo.AddEventLog("Default", _ => log));
        var grains = cluster.Client;
        var lot = await grains.ConfiguredLotAsync("W1", cars: 4);
        var first = await lot.Enter(new EntryCommand("w-a", "W1-in", "AAA-1", null, VehicleClass.Car, T0));
        Assert.Equal(("c1", "T000001"), (first.Slot!.SlotId, first.Ticket));

        // The other writer let a car in on slot c2 with ticket T000002, the very slot and ticket the live activation
        // would give next.
        var lotId = lot.GetGrainId();
        var stored = await log.ReadAsync(lotId, "lot", 0);
        var ghost = new VehicleEntered("w-ghost", "W1:T000002", "T000002", "W1-in", "GHOST-2", null, VehicleClass.Car, "c2", false, false, null,
            new EntryDecision("w-ghost", true, null, null, "W1:T000002", "T000002", null, false, new Dictionary<VehicleClass, int>()), T0.AddMinutes(1));
        await log.AppendAsync(lotId, "lot", stored.Count,
            [new EventToAppend(nameof(VehicleEntered), ghost.OccurredAt, JsonSerializer.Serialize<LotEvent>(ghost, GrainStateSerializer.Default.Options))]);

        // Decided on the stale state, the entry cannot be appended: the caller is told, nothing is applied.
        var command = new EntryCommand("w-b", "W1-in", "BBB-2", null, VehicleClass.Car, T0.AddMinutes(2));
        await Assert.ThrowsAnyAsync<Exception>(() => lot.Enter(command));

        // The retry (same eventId) meets a fresh activation that read the other writer's event first.
        var retried = await Eventually.ReturnsAsync(() => lot.Enter(command), d => d.Allowed, because: "the retried entry is decided on the stored state");
        Assert.NotEqual("c2", retried.Slot!.SlotId);
        Assert.NotEqual("T000002", retried.Ticket);

        var sessions = await lot.GetActiveSessions(null);
        Assert.Equal(["AAA-1", "BBB-2", "GHOST-2"], sessions.Select(s => s.Plate!).Order());
        Assert.Equal(sessions.Count, sessions.Select(s => s.SlotId).Distinct().Count());
        Assert.Equal(sessions.Count, sessions.Select(s => s.Ticket).Distinct().Count());

        // The log holds each decision once: the failed attempt left nothing behind.
        var entries = (await log.ReadAsync(lotId, "lot", 0)).Where(e => e.Kind == nameof(VehicleEntered)).ToList();
        Assert.Equal(3, entries.Count);
    }
}
