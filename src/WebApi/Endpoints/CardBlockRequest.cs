namespace ParkingGrains.WebApi.Endpoints;

/// <summary>Why a card is blocked (shown to the gate and the operator when it is refused).</summary>
public sealed record CardBlockRequest(string? Reason);
