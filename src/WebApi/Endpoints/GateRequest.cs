using ParkingGrains.Grains.Interfaces.Layout;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>
/// A gate to add or change (fields left null stay as they are). Every slot needs a distance to every gate:
/// <paramref name="SlotDistances"/> gives them per slot id, <paramref name="DefaultDistance"/> (metres) fills in
/// the slots it does not name when a gate is added.
/// </summary>
public sealed record GateRequest(
    string? GateId,
    string? Name,
    GateDirection? Direction,
    int? Lane,
    IReadOnlyDictionary<string, double>? SlotDistances,
    double? DefaultDistance);
