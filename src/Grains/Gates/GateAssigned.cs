using ParkingGrains.Grains.Interfaces.Gates;

namespace ParkingGrains.Grains.Gates;

public sealed record GateAssigned(GateAssignment Assignment, DateTimeOffset OccurredAt) : GateEvent(OccurredAt);
