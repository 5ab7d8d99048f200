using Orleans;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>
/// A configured lot's layout and tariff as one consistent read, with the revision they belong to. The revision
/// counts configuration changes (not entries or payments), so it is what an admin's edit is checked against.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record LotConfiguration(
    [property: Id(0)] LotLayout Layout,
    [property: Id(1)] Tariff Tariff,
    [property: Id(2)] long Revision);
