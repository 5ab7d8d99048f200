namespace ParkingGrains.GateAgent.LaneUi;

/// <summary>
/// What an operator's barrier command at the lane did: the barrier state reached, and whether the cluster took it as a
/// gate command (<see cref="Cluster"/> says what it answered, or why it was not sent).
/// </summary>
public sealed record ManualCommandResult(string EventId, string Barrier, bool SentToCluster, string Cluster);
