using Orleans;

namespace ParkingGrains.Grains.Interfaces.Notifications;

/// <summary>
/// Something an operator should look at (e.g. a plate that entered while already inside). <see cref="AlertId"/> is
/// derived from what caused it, so publishing the same cause twice is one alert.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record LotAlert(
    [property: Id(0)] string LotId,
    [property: Id(1)] string Text,
    [property: Id(2)] AlertSeverity Severity,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string? AlertId = null);
