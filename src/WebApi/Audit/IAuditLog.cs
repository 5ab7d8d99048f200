using ParkingGrains.Grains.Interfaces.Accounts;

namespace ParkingGrains.WebApi.Audit;

/// <summary>
/// The audit log: every write through the API records who, what, when and from where. The API group audits every
/// successful write (<c>AuditWrites</c>); a handler with more to say calls <c>httpContext.AuditAsync(action, target, detail)</c>.
/// </summary>
public interface IAuditLog
{
    /// <summary>Records the entry in this instance's recent ring and appends it to the cluster's log of its day.</summary>
    Task RecordAsync(AuditEntry entry);

    /// <summary>This instance's most recent entries, newest first (also those whose append to the cluster failed).</summary>
    IReadOnlyList<AuditEntry> Recent(int limit);

    /// <summary>A UTC day's entries from the cluster (all instances), newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadDayAsync(DateOnly day, int limit);
}
