using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.GateAgent.Lane;

/// <summary>An exit the lane let through offline: the command to replay and the stay it charged.</summary>
public sealed record OfflineExit(ExitCommand Command, string SessionId);
