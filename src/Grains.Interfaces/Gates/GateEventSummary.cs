namespace ParkingGrains.Grains.Interfaces.Gates;

/// <summary>One recent event at a gate, for the operator's gate panel.</summary>
public sealed record GateEventSummary(string EventId, string Kind, bool Opened, string? Plate, string? Reason, DateTimeOffset Time);
