using Orleans;

namespace ParkingGrains.Grains.Interfaces.Gates;

/// <summary>
/// An event the lane decided on its own while the cluster was unreachable and the cluster, on replay, decided
/// otherwise (the lot was full meanwhile, the plate was already inside, more was due): the car has already passed,
/// so it becomes an operator alert instead of being dropped or charged again.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record LaneConflict(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string? Plate,
    [property: Id(3)] string LocalDecision,
    [property: Id(4)] string ClusterDecision,
    [property: Id(5)] DateTimeOffset EventTime);
