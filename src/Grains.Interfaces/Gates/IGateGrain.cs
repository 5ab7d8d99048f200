using Orleans;
using Orleans.Concurrency;
using ParkingGrains.Grains.Interfaces.Calls;
using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.Grains.Interfaces.Gates;

/// <summary>
/// One barrier gate (key: gate id): its assignment to a lot, the edge agent's liveness and RTT, barrier
/// commands (recorded in the gate's event log, pushed to the agent and acknowledged by it) and recent events. Entries,
/// exits and lane payments pass through to the lot. Calls marked "agent only" need the gate's key in the request
/// context (<see cref="GateAgentCredential"/>); entries, exits and payments check it when one is presented (the web
/// API authenticates its callers itself and presents none).
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

    /// <summary>
    /// Payment at the lane (a pay terminal at the exit, or a payment the lane took while offline), passed to the lot.
    /// </summary>
    [Idempotent]
    Task<PaymentResult> Pay(PaymentCommand command);

    /// <summary>The agent's sign of life (agent only: needs the gate's key, see <see cref="GateAgentCredential"/>).</summary>
    Task<GateHeartbeatReply> Heartbeat(GateHeartbeat heartbeat);

    /// <summary>The agent applied an operator command (agent only).</summary>
    Task AcknowledgeCommand(GateCommandAck ack);

    /// <summary>What the lane needs to decide on its own while the cluster is unreachable (agent only); null when unassigned.</summary>
    [ReadOnly]
    Task<LaneCache?> GetLaneCache();

    /// <summary>An offline decision the cluster decided otherwise on replay: recorded as an operator alert (agent only).</summary>
    Task ReportConflict(LaneConflict conflict);

    [ReadOnly]
    Task<GateStatus> GetStatus();
}
