using Orleans;

namespace ParkingGrains.Grains.Interfaces.Gates;

/// <summary>
/// The gate's answer to a heartbeat: commands still waiting for the agent's acknowledgement (so a lost push is redone
/// within one heartbeat), and the server's clock, so the agent can tell its own clock's drift.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record GateHeartbeatReply(
    [property: Id(0)] IReadOnlyList<PendingGateCommand> PendingCommands,
    [property: Id(1)] DateTimeOffset ServerTime);
