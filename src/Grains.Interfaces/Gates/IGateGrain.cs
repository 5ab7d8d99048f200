using Orleans;
using Orleans.Concurrency;
using ParkingGrains.Grains.Interfaces.Calls;
using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.Grains.Interfaces.Gates;

/// <summary>
/// One barrier gate (key: gate id): its assignment to a lot, the edge agent's liveness and RTT, barrier
/// commands (recorded in the gate's event log) and recent events. Entries and exits pass through to the lot.
/// </summary>
public interface IGateGrain : IGrainWithStringKey
{
    Task Assign(GateAssignment assignment);

    /// <summary>Forgets the assignment if it is to <paramref name="lotId"/> (the gate left that lot's layout).</summary>
    Task Unassign(string lotId);

    [Idempotent]
    Task<EntryDecision> Enter(EntryCommand command);

    [Idempotent]
    Task<ExitDecision> Exit(ExitCommand command);

    [Idempotent]
    Task<GateCommandResult> Command(GateCommand command);

    Task Heartbeat(GateHeartbeat heartbeat);

    [ReadOnly]
    Task<GateStatus> GetStatus();
}
