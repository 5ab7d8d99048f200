using Orleans;

namespace ParkingGrains.Grains.Interfaces.Lots;

[GenerateSerializer]
[Immutable]
public sealed record SlotOverrideCommand(
    [property: Id(0)] string EventId,
    [property: Id(1)] string SlotId,
    [property: Id(2)] SlotOverride Override,
    [property: Id(3)] string Reason,
    [property: Id(4)] string Operator,
    [property: Id(5)] DateTimeOffset Time);
