namespace ParkingGrains.Grains.Interfaces.Notifications;

/// <summary>Something an operator should look at (e.g. a plate that entered while already inside).</summary>
public sealed record LotAlert(string LotId, string Text, AlertSeverity Severity, DateTimeOffset At);
