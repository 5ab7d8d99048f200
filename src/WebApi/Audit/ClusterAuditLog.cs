using ParkingGrains.Grains.Interfaces.Accounts;

namespace ParkingGrains.WebApi.Audit;

/// <summary>
/// <see cref="IAuditLog"/> over one <see cref="IAuditGrain"/> per UTC day (journaled, so entries land in the event
/// log history) plus an in-memory ring of this instance's recent entries.
/// </summary>
public sealed class ClusterAuditLog(IGrainFactory grains, ILogger<ClusterAuditLog> logger) : IAuditLog
{
    private const int RingSize = 1000;
    private readonly AuditEntry?[] _ring = new AuditEntry?[RingSize];
    private readonly Lock _lock = new();
    private long _count;

    public async Task RecordAsync(AuditEntry entry)
    {
        lock (_lock)
        {
            _ring[_count % RingSize] = entry;
            _count++;
        }

        logger.LogInformation("Audit: {Actor} {Action} {Target} from {RemoteIp}", entry.Actor, entry.Action, entry.Target, entry.RemoteIp);
        try
        {
            await grains.GetGrain<IAuditGrain>(AccountGrainKeys.AuditDay(entry.At)).Append(entry);
        }
        catch (Exception ex)
        {
            // The write it describes has happened; failing the request now would misreport it. The ring and this log keep the entry.
            logger.LogError(ex, "Appending audit entry {Id} ({Actor} {Action} {Target}) to the cluster failed", entry.Id, entry.Actor, entry.Action, entry.Target);
        }
    }

    public IReadOnlyList<AuditEntry> Recent(int limit)
    {
        lock (_lock)
        {
            var take = (int)Math.Min(Math.Clamp(limit, 0, RingSize), _count);
            var result = new List<AuditEntry>(take);
            for (var i = 1; i <= take; i++)
            {
                result.Add(_ring[(_count - i) % RingSize]!);
            }

            return result;
        }
    }

    public Task<IReadOnlyList<AuditEntry>> ReadDayAsync(DateOnly day, int limit) =>
        grains.GetGrain<IAuditGrain>(AccountGrainKeys.AuditDay(day)).List(limit);
}
