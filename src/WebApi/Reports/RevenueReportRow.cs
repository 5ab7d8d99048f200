using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.WebApi.Reports;

/// <summary>
/// Revenue of one bucket and split; the lot, class and method are null unless the report was split by them.
/// <see cref="Overpaid"/> is the part of <see cref="Amount"/> paid above what the stays owed.
/// </summary>
internal sealed record RevenueReportRow(
    string Period,
    string? LotId,
    VehicleClass? VehicleClass,
    PaymentMethod? Method,
    string Currency,
    decimal Amount,
    long Payments,
    decimal Overpaid);
