namespace ParkingGrains.Grains.Tests.Infrastructure;

/// <summary>
/// A reminder table in memory that every silo of a test cluster shares, so reminders outlive stopped and killed silos
/// as they do in a database (Orleans' in-memory table lives in a grain, which dies with its silo).
/// </summary>
public sealed class SharedReminderTable : IReminderTable
{
    private readonly Dictionary<(GrainId Grain, string Name), ReminderEntry> _rows = [];
    private readonly Lock _lock = new();

    public Task<ReminderTableData> ReadRows(GrainId grainId) => Select(e => e.GrainId == grainId);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => Select(e => InRange(e.GrainId.GetUniformHashCode(), begin, end));

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.TryGetValue((grainId, reminderName), out var entry) ? Copy(entry) : null);
        }
    }

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            var stored = Copy(entry);
            stored.ETag = Guid.NewGuid().ToString("N");
            _rows[(entry.GrainId, entry.ReminderName)] = stored;
            return Task.FromResult<string?>(stored.ETag);
        }
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        lock (_lock)
        {
            var removed = _rows.TryGetValue((grainId, reminderName), out var entry) && entry.ETag == eTag && _rows.Remove((grainId, reminderName));
            return Task.FromResult(removed);
        }
    }

    public Task TestOnlyClearTable()
    {
        lock (_lock)
        {
            _rows.Clear();
        }

        return Task.CompletedTask;
    }

    // Orleans' ring ranges are (begin, end], wrapping past uint.MaxValue; begin == end is the whole ring.
    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    // Silos keep the entries they read; copies keep them from changing the table behind its back.
    private static ReminderEntry Copy(ReminderEntry entry) => new()
    {
        GrainId = entry.GrainId,
        ReminderName = entry.ReminderName,
        StartAt = entry.StartAt,
        Period = entry.Period,
        ETag = entry.ETag,
    };

    private Task<ReminderTableData> Select(Func<ReminderEntry, bool> predicate)
    {
        lock (_lock)
        {
            return Task.FromResult(new ReminderTableData(_rows.Values.Where(predicate).Select(Copy).ToList()));
        }
    }
}
