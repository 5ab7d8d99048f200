namespace ParkingGrains.Runtime.Membership;

/// <summary>
/// A membership table in process memory, shared by every silo of an in-process cluster (tests, single-process dev).
/// It keeps the exact conditional semantics of the durable providers: table ETag checked on every mutation, row ETag
/// on updates, and IAmAlive never touching either.
/// </summary>
public sealed class InMemoryMembershipTable : IMembershipTable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<SiloAddress, MembershipRow> _rows = [];
    private TableVersion? _version;
    private long _etagCounter;

    public Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _version ??= new TableVersion(0, NewETag());
        }

        return Task.CompletedTask;
    }

    public Task<MembershipTableData> ReadAllAsync()
    {
        lock (_lock)
        {
            // Rows are immutable records, so handing out the stored instances cannot let a caller alter the table.
            var rows = _rows.Values.OrderBy(r => r.Entry.SiloAddress).ToArray();
            return Task.FromResult(new MembershipTableData(rows, _version ?? new TableVersion(0, "")));
        }
    }

    public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(version);
        lock (_lock)
        {
            if (_version is null || _version.ETag != version.ETag || _rows.ContainsKey(entry.SiloAddress))
            {
                return Task.FromResult(false);
            }

            _rows[entry.SiloAddress] = new MembershipRow(Copy(entry), NewETag());
            _version = new TableVersion(version.Version, NewETag());
            return Task.FromResult(true);
        }
    }

    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(version);
        lock (_lock)
        {
            if (_version is null || _version.ETag != version.ETag
                || !_rows.TryGetValue(entry.SiloAddress, out var current) || current.ETag != etag)
            {
                return Task.FromResult(false);
            }

            _rows[entry.SiloAddress] = new MembershipRow(Copy(entry), NewETag());
            _version = new TableVersion(version.Version, NewETag());
            return Task.FromResult(true);
        }
    }

    public Task UpdateIAmAliveAsync(MembershipEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            if (_rows.TryGetValue(entry.SiloAddress, out var current))
            {
                _rows[entry.SiloAddress] = current with { Entry = current.Entry with { IAmAliveTime = entry.IAmAliveTime } };
            }
        }

        return Task.CompletedTask;
    }

    public Task DeleteClusterAsync()
    {
        lock (_lock)
        {
            _rows.Clear();
            _version = null;
        }

        return Task.CompletedTask;
    }

    // The caller may pass a list it keeps mutating; the table must own its copy.
    private static MembershipEntry Copy(MembershipEntry entry) => entry with { SuspectTimes = [.. entry.SuspectTimes] };

    private string NewETag() => (++_etagCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
