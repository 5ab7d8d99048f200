namespace ParkingGrains.History;

/// <summary>
/// Entries, exits and force-closes per lot (optionally per vehicle class) in [<see cref="From"/>, <see cref="To"/>),
/// per local day or hour, with every bucket of the range present. Time zone as in <see cref="RevenueQuery"/>.
/// </summary>
public sealed record OccupancyQuery(DateTimeOffset From, DateTimeOffset To, HistoryBucket Bucket = HistoryBucket.Hour)
{
    /// <summary>Only these lots; null means every lot with history before <see cref="To"/>.</summary>
    public IReadOnlyList<string>? LotIds { get; init; }

    public bool ByVehicleClass { get; init; }

    public string? TimeZoneId { get; init; }
}
