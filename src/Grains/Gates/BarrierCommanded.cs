using ParkingGrains.Grains.Interfaces.Gates;

namespace ParkingGrains.Grains.Gates;

/// <summary>An operator's barrier command, with who and why.</summary>
public sealed record BarrierCommanded(GateCommand Command, GateCommandResult Result, DateTimeOffset OccurredAt) : GateEvent(OccurredAt);
