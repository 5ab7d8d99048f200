namespace ParkingGrains.Grains.Interfaces.Notifications;

/// <summary>A stay ended at an exit gate (<see cref="GateId"/>) or by an operator's force-exit (<see cref="Forced"/>).</summary>
public sealed record SessionEnded(string LotId, string SessionId, string SlotId, string? GateId, bool Forced, DateTimeOffset At);
