using Orleans;

namespace ParkingGrains.Grains.Interfaces.Notifications;

/// <summary>A lot's alert as operators see it: open until someone acknowledges it.</summary>
[GenerateSerializer]
[Immutable]
public sealed record AlertView(
    [property: Id(0)] string AlertId,
    [property: Id(1)] string LotId,
    [property: Id(2)] string Text,
    [property: Id(3)] AlertSeverity Severity,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string? AcknowledgedBy = null,
    [property: Id(6)] DateTimeOffset? AcknowledgedAt = null);
