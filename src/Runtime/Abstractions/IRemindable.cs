namespace ParkingGrains.Runtime;

/// <summary>A grain that receives durable reminders. Reminders survive silo restarts and fire on the grain's current owner.</summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminder(string reminderName, TickStatus status);
}
