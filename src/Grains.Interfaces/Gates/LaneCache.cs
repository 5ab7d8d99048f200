using Orleans;
using ParkingGrains.Grains.Interfaces.Cards;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.Grains.Interfaces.Gates;

/// <summary>
/// What a lane keeps locally to decide on its own when the cluster is unreachable: the lot's free counts, tariff and
/// time zone, the cards valid there, and the stays inside. Taken in one turn of the lot, so it is consistent.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record LaneCache(
    [property: Id(0)] string LotId,
    [property: Id(1)] string LotName,
    [property: Id(2)] string TimeZoneId,
    [property: Id(3)] GateDirection Direction,
    [property: Id(4)] Tariff Tariff,
    [property: Id(5)] IReadOnlyDictionary<VehicleClass, int> FreeCounts,
    [property: Id(6)] PlateInsidePolicy PlateAlreadyInside,
    [property: Id(7)] IReadOnlyList<CardDefinition> Cards,
    [property: Id(8)] IReadOnlyList<LaneStay> Stays,
    [property: Id(9)] DateTimeOffset TakenAt);
