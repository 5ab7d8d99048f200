namespace ParkingGrains.GateAgent.LaneUi;

/// <summary>Everything the page shows, sent whole on each change (the live stream) and by <c>GET /api/lane/snapshot</c>.</summary>
public sealed record LaneUiSnapshot(LaneUiStatus Status, LaneUiRead? Frame, IReadOnlyList<LaneUiDecision> Decisions, IReadOnlyList<LaneUiRead> Pending);
