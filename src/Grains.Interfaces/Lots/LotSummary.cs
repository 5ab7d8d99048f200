using Orleans;

namespace ParkingGrains.Grains.Interfaces.Lots;

[GenerateSerializer]
[Immutable]
public sealed record LotSummary(
    [property: Id(0)] string LotId,
    [property: Id(1)] string Name,
    [property: Id(2)] string TimeZoneId,
    [property: Id(3)] string Currency);
