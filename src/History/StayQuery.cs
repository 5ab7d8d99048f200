namespace ParkingGrains.History;

/// <summary>
/// Completed stays (exits and force-closes) in [<see cref="From"/>, <see cref="To"/>), bucketed by when they ended,
/// per lot and optionally per vehicle class. Time zone as in <see cref="RevenueQuery"/>.
/// </summary>
public sealed record StayQuery(DateTimeOffset From, DateTimeOffset To, HistoryBucket Bucket = HistoryBucket.Day)
{
    public IReadOnlyList<string>? LotIds { get; init; }

    public bool ByVehicleClass { get; init; }

    public string? TimeZoneId { get; init; }
}
