namespace ParkingGrains.WebApi.Endpoints;

/// <summary>A floor to add (id and name required) or change (fields left null stay as they are).</summary>
public sealed record FloorRequest(string? FloorId, string? Name, int? Level);
