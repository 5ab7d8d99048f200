namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>Emergency: close a stay and free its slot without payment, recorded with operator and reason.</summary>
public sealed record ForceExitCommand(string EventId, string SessionId, string Operator, string Reason, DateTimeOffset Time);
