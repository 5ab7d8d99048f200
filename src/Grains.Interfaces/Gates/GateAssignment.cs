using ParkingGrains.Grains.Interfaces.Layout;

namespace ParkingGrains.Grains.Interfaces.Gates;

/// <summary>What a gate grain knows about itself, given by its lot when the lot is configured.</summary>
public sealed record GateAssignment(string LotId, GateDefinition Gate);
