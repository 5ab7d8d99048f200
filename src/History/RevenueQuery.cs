using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.History;

/// <summary>
/// Payments received in [<see cref="From"/>, <see cref="To"/>), summed per local day or hour. Buckets use
/// <see cref="TimeZoneId"/> (IANA) or, when it is null, the time zone the lots were configured with (all selected
/// lots must then share one).
/// </summary>
public sealed record RevenueQuery(DateTimeOffset From, DateTimeOffset To, HistoryBucket Bucket = HistoryBucket.Day)
{
    /// <summary>Only these lots; null means every lot.</summary>
    public IReadOnlyList<string>? LotIds { get; init; }

    public VehicleClass? VehicleClass { get; init; }

    public PaymentMethod? Method { get; init; }

    public RevenueGrouping GroupBy { get; init; }

    public string? TimeZoneId { get; init; }
}
