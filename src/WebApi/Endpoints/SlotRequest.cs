using ParkingGrains.Grains.Interfaces;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>
/// A slot to add or change. On change, fields left null stay as they are; <paramref name="GateDistances"/>, when
/// given, replaces the slot's distances (metres, keyed by gate id; one for every gate of the lot).
/// </summary>
public sealed record SlotRequest(
    string? SlotId,
    string? FloorId,
    string? Number,
    VehicleClass? Size,
    bool? Ev,
    bool? Accessible,
    IReadOnlyDictionary<string, double>? GateDistances);
