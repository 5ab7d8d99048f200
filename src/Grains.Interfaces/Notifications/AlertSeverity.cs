namespace ParkingGrains.Grains.Interfaces.Notifications;

public enum AlertSeverity
{
    Info = 0,
    Warning = 1,
    Critical = 2,
}
