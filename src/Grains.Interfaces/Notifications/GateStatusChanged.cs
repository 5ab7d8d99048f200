using ParkingGrains.Grains.Interfaces.Gates;

namespace ParkingGrains.Grains.Interfaces.Notifications;

/// <summary>A gate's liveness, edge round-trip time and barrier, pushed on heartbeats and barrier commands.</summary>
public sealed record GateStatusChanged(string LotId, string GateId, bool Online, double? RoundTripMilliseconds, BarrierState Barrier, DateTimeOffset At);
