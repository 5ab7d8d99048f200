using Orleans;
using ParkingGrains.Grains.Interfaces.Layout;

namespace ParkingGrains.Grains.Interfaces.Gates;

/// <summary>What a gate grain knows about itself, given by its lot when the lot is configured.</summary>
[GenerateSerializer]
[Immutable]
public sealed record GateAssignment([property: Id(0)] string LotId, [property: Id(1)] GateDefinition Gate);
