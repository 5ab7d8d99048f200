namespace ParkingGrains.Storage.Tests.Reminders;

/// <summary>A grain that counts the ticks of one durable reminder in its persisted state.</summary>
[Alias("ParkingGrains.Storage.Tests.Reminders.IReminderProbeGrain")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    [Alias("StartTicking")]
    Task StartTicking(TimeSpan period);

    [Alias("GetTicks")]
    Task<int> GetTicks();
}
