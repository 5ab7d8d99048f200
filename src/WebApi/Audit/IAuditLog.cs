using ParkingGrains.Grains.Interfaces.Accounts;

namespace ParkingGrains.WebApi.Audit;

/// <summary>
/// The audit log: every write through the API records who, what, when and from where. Endpoints call
/// <c>httpContext.AuditAsync(action, target, detail)</c> or add <c>.Audited(action)</c> to a route.
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
