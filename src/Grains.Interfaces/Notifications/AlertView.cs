namespace ParkingGrains.Grains.Interfaces.Notifications;

/// <summary>A lot's alert as operators see it: open until someone acknowledges it.</summary>
public sealed record AlertView(
    string AlertId,
    string LotId,
    string Text,
    AlertSeverity Severity,
    DateTimeOffset At,
    string? AcknowledgedBy = null,
    DateTimeOffset? AcknowledgedAt = null);
