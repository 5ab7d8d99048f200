namespace ParkingGrains.GateAgent.LaneUi;

/// <summary>
/// The body of every lane UI command; each endpoint reads the fields it needs (<c>name</c>, <c>password</c>,
/// <c>plate</c>, <c>reason</c>, <c>durationSeconds</c>, <c>cardId</c>) and names the ones that are wrong.
/// </summary>
public sealed record LaneUiRequest(string? Name = null, string? Password = null, string? Plate = null, string? Reason = null, int? DurationSeconds = null, string? CardId = null);
