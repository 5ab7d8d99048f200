namespace ParkingGrains.Runtime.Reminders;

/// <summary>In-process reminder table; one instance can be shared by several silos in a process.</summary>
public sealed class MemoryReminderTable : IReminderTable
{
    private readonly Dictionary<(GrainId GrainId, string Name), ReminderEntry> _rows = [];
    private readonly Lock _lock = new();
    private long _lastVersion;

    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(uint begin, uint end)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ReminderEntry>>(
                [.. _rows.Values.Where(e => ReminderRing.Contains(begin, end, e.GrainId.GetUniformHashCode()))]);
        }
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ReminderEntry>>([.. _rows.Values.Where(e => e.GrainId == grainId)]);
        }
    }

    public Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.GetValueOrDefault((grainId, reminderName)));
        }
    }

    public Task<string> UpsertRowAsync(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            // One counter for the table, so a removed and re-created reminder never reuses an old ETag.
            var eTag = ReminderRing.FormatETag(++_lastVersion);
            _rows[(entry.GrainId, entry.ReminderName)] = entry with { ETag = eTag };
            return Task.FromResult(eTag);
        }
    }

    public Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag)
    {
        lock (_lock)
        {
            var key = (grainId, reminderName);
            var removed = _rows.TryGetValue(key, out var row) && row.ETag == eTag && _rows.Remove(key);
            return Task.FromResult(removed);
        }
    }
}
