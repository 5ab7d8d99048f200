namespace ParkingGrains.Grains.Interfaces.Gates;

public sealed record GateCommandResult(string EventId, bool Accepted, string? ReasonText, BarrierState Barrier, DateTimeOffset? OpenUntil);
