namespace ParkingGrains.Runtime;

public interface IGrainReminder
{
    string ReminderName { get; }
}
