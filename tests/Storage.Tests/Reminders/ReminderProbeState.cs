namespace ParkingGrains.Storage.Tests.Reminders;

public sealed class ReminderProbeState
{
    public int Ticks { get; set; }
}
