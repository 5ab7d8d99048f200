using ParkingGrains.Runtime.Membership;

namespace ParkingGrains.Runtime.Tests.Membership;

/// <summary>Wraps a table and throws from every call while <see cref="Failing"/> is set (an outage).</summary>
internal sealed class FlakyMembershipTable(IMembershipTable inner) : IMembershipTable
{
    private int _failures;

    public volatile bool Failing;

    public int Failures => Volatile.Read(ref _failures);

    public Task InitializeAsync(CancellationToken cancellationToken = default) => Guard(() => inner.InitializeAsync(cancellationToken));

    public Task<MembershipTableData> ReadAllAsync() => Guard(inner.ReadAllAsync);

    public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version) => Guard(() => inner.InsertRowAsync(entry, version));

    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version) => Guard(() => inner.UpdateRowAsync(entry, etag, version));

    public Task UpdateIAmAliveAsync(MembershipEntry entry) => Guard(() => inner.UpdateIAmAliveAsync(entry));

    public Task DeleteClusterAsync() => inner.DeleteClusterAsync();

    private T Guard<T>(Func<T> call)
    {
        if (Failing)
        {
            Interlocked.Increment(ref _failures);
            throw new TimeoutException("Simulated membership table outage.");
        }

        return call();
    }
}
