namespace ParkingGrains.Grains.Interfaces.Gates;

/// <summary>The edge agent's periodic sign of life with its measured round-trip time.</summary>
public sealed record GateHeartbeat(string AgentId, DateTimeOffset SentAt, double RoundTripMilliseconds);
