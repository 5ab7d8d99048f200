namespace ParkingGrains.GateAgent.LaneUi;

/// <summary>One decision in the lane UI's list: who, what, why, whether the lane decided it offline, when and how fast.</summary>
public sealed record LaneUiDecision(string EventId, string Kind, string? Plate, bool Open, string? Reason, string Message, bool Offline, DateTimeOffset At, double Milliseconds, string? AmountDue);
