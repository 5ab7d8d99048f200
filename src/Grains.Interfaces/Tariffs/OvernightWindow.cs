using Orleans;

namespace ParkingGrains.Grains.Interfaces.Tariffs;

/// <summary>
/// A nightly window on the lot's wall clock (e.g. 22:00–06:00; End before Start means it ends the next day)
/// charged at a flat price: when a stay covers the whole window, the periods starting inside it are
/// replaced by <see cref="Price"/>; when it covers only part, those periods cost at most <see cref="Price"/>.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record OvernightWindow(
    [property: Id(0)] TimeOnly Start,
    [property: Id(1)] TimeOnly End,
    [property: Id(2)] decimal Price);
