using Orleans;
using Orleans.Concurrency;
using ParkingGrains.Grains.Interfaces.Calls;

namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>The audit log of one UTC day (key: <see cref="AccountGrainKeys.AuditDay(DateOnly)"/>), kept in the grain's event log.</summary>
public interface IAuditGrain : IGrainWithStringKey
{
    /// <summary>Appends the entry; an entry id already recorded is ignored.</summary>
    [Idempotent]
    Task Append(AuditEntry entry);

    /// <summary>The day's entries, newest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<AuditEntry>> List(int limit);
}
