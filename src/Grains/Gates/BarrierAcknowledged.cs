using ParkingGrains.Grains.Interfaces.Gates;

namespace ParkingGrains.Grains.Gates;

/// <summary>The gate's agent applied an operator command and reported the barrier state it reached.</summary>
public sealed record BarrierAcknowledged(GateCommandAck Ack, DateTimeOffset OccurredAt) : GateEvent(OccurredAt);
