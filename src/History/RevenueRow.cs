using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.History;

/// <summary>
/// Revenue of one bucket. <see cref="Bucket"/> is the local wall-clock start of the day or hour. The lot, class and
/// method are null unless the query grouped by them.
/// </summary>
public sealed record RevenueRow(
    DateTime Bucket,
    string? LotId,
    VehicleClass? VehicleClass,
    PaymentMethod? Method,
    string Currency,
    decimal Amount,
    long Payments);
