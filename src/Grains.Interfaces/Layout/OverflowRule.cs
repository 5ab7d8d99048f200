using Orleans;

namespace ParkingGrains.Grains.Interfaces.Layout;

/// <summary>
/// Lets vehicles of <paramref name="From"/> take a <paramref name="To"/> slot when no <paramref name="From"/> slot
/// is free (e.g. a motorcycle into a car slot). Rules are not transitive; each pair must be listed.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record OverflowRule([property: Id(0)] VehicleClass From, [property: Id(1)] VehicleClass To);
