namespace ParkingGrains.GateAgent.LaneUi;

/// <summary>A signed-in operator: the name they gave (audited as <c>lane:&lt;name&gt;</c>) and when the sign-in ends.</summary>
public sealed record LaneUiSession(string Name, DateTimeOffset ExpiresAt);
