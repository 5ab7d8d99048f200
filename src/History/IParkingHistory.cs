namespace ParkingGrains.History;

/// <summary>
/// Read-only reports over the append-only event log (the SQL history), never over grain state. Every aggregate is
/// computed by the database; buckets are local days or hours of the lot's time zone.
/// </summary>
public interface IParkingHistory
{
    Task<IReadOnlyList<RevenueRow>> GetRevenueAsync(RevenueQuery query, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OccupancyRow>> GetOccupancyAsync(OccupancyQuery query, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StayRow>> GetStaysAsync(StayQuery query, CancellationToken cancellationToken = default);

    /// <summary>A lot's events, newest first, <paramref name="pageSize"/> at a time, older than <paramref name="beforeVersion"/> when given.</summary>
    Task<HistoryPage> GetLotHistoryAsync(string lotId, long? beforeVersion = null, int pageSize = 50, CancellationToken cancellationToken = default);
}
