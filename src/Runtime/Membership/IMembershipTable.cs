namespace ParkingGrains.Runtime.Membership;

/// <summary>
/// Where the cluster agrees which silos are alive (the Orleans IMembershipTable contract). All mutations are
/// conditional: they succeed only if the table version's ETag (and, for updates, the row's ETag) still match
/// what the caller read; otherwise they return false and the caller re-reads and retries.
/// </summary>
public interface IMembershipTable
{
    /// <summary>Creates the schema/keys if needed and the table-version row for this cluster.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    Task<MembershipTableData> ReadAllAsync();

    /// <summary>Inserts a new silo row and sets the table version to <paramref name="version"/>.Version, only if the
    /// silo is not present and the current table ETag equals <paramref name="version"/>.ETag.</summary>
    Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version);

    /// <summary>Replaces a silo row, only if its row ETag equals <paramref name="etag"/> and the table ETag matches.</summary>
    Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version);

    /// <summary>Unconditionally refreshes the silo's IAmAliveTime (diagnostic; never changes the version).</summary>
    Task UpdateIAmAliveAsync(MembershipEntry entry);

    /// <summary>Removes every row of this cluster (tests and decommissioning).</summary>
    Task DeleteClusterAsync();
}
