namespace ParkingGrains.Grains.Interfaces.Gates;

/// <summary>An operator's barrier command; Open takes a duration (default 10 s).</summary>
public sealed record GateCommand(string EventId, GateCommandKind Kind, TimeSpan? Duration, string Operator, string Reason, DateTimeOffset Time);
