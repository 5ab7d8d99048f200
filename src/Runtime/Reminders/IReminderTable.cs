namespace ParkingGrains.Runtime.Reminders;

/// <summary>Durable reminder rows for one service (the Orleans IReminderTable contract, reduced).</summary>
public interface IReminderTable
{
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Reminders of grains whose uniform hash lies in (begin, end] on the ring; begin == end means all.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(uint begin, uint end);

    Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId);

    Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName);

    /// <summary>Inserts or replaces the row and returns its new ETag.</summary>
    Task<string> UpsertRowAsync(ReminderEntry entry);

    /// <summary>Removes the row if its ETag still matches; false when it changed or is gone.</summary>
    Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag);
}
