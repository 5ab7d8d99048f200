namespace ParkingGrains.Runtime.Reminders;

internal sealed record GrainReminder(string ReminderName, string ETag) : IGrainReminder;
