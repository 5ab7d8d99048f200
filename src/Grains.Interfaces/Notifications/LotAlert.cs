namespace ParkingGrains.Grains.Interfaces.Notifications;

/// <summary>
/// Something an operator should look at (e.g. a plate that entered while already inside). <see cref="AlertId"/> is
/// derived from what caused it, so publishing the same cause twice is one alert.
/// </summary>
public sealed record LotAlert(string LotId, string Text, AlertSeverity Severity, DateTimeOffset At, string? AlertId = null);
