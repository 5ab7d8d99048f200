using ParkingGrains.Grains.Interfaces.Accounts;

namespace ParkingGrains.Grains.Accounts;

/// <summary>
/// One UTC day of the audit log. Reentrant so a burst of appends shares one durable write; each append is
/// acknowledged only once it is in the event log.
/// </summary>
[Reentrant]
public sealed class AuditGrain(
    [JournaledState("audit", SnapshotEvery = 1000)] IJournaledState<AuditDayState, AuditRecorded> journal) : Grain, IAuditGrain
{
    // A resent append arrives within seconds, so looking back this far is enough to drop it.
    private const int DuplicateWindow = 256;
    private const int MaxListLimit = 10_000;

    public async Task Append(AuditEntry entry)
    {
        if (string.IsNullOrWhiteSpace(entry.Id) || string.IsNullOrWhiteSpace(entry.Actor) || string.IsNullOrWhiteSpace(entry.Action))
        {
            throw new ArgumentException("An audit entry needs an id, an actor and an action.", nameof(entry));
        }

        if (AccountGrainKeys.AuditDay(entry.At) != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Audit entry of {entry.At:O} sent to day {this.GetPrimaryKeyString()}.", nameof(entry));
        }

        var entries = journal.State.Entries;
        var seen = false;
        for (var i = entries.Count - 1; i >= Math.Max(0, entries.Count - DuplicateWindow); i--)
        {
            if (entries[i].Id == entry.Id)
            {
                seen = true;
                break;
            }
        }

        if (!seen)
        {
            journal.Raise(new AuditRecorded(entry, entry.At));
        }

        await journal.ConfirmAsync();
    }

    public Task<IReadOnlyList<AuditEntry>> List(int limit)
    {
        var entries = journal.State.Entries;
        var take = Math.Clamp(limit, 0, MaxListLimit);
        IReadOnlyList<AuditEntry> result = [.. Enumerable.Range(0, Math.Min(take, entries.Count)).Select(i => entries[entries.Count - 1 - i])];
        return Task.FromResult(result);
    }
}
