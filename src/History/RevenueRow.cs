using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.History;

/// <summary>
/// Revenue of one bucket. <see cref="Bucket"/> is the local wall-clock start of the day or hour. The lot, class and
/// method are null unless the query grouped by them. <see cref="Amount"/> is net of refunds. <see cref="Overpaid"/> is the
/// part of the bucket's payments above what their stays owed (paid on purpose, with the overpayment flag); it is already
/// in <see cref="Amount"/>. It counts payments only: a refund does not record which part of a payment it returns, so
/// it is never taken off <see cref="Overpaid"/>.
/// </summary>
public sealed record RevenueRow(
    DateTime Bucket,
    string? LotId,
    VehicleClass? VehicleClass,
    PaymentMethod? Method,
    string Currency,
    decimal Amount,
    long Payments,
    decimal Overpaid = 0);
