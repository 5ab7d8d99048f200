using ParkingGrains.Grains.Interfaces;

namespace ParkingGrains.WebApi.Reports;

/// <summary>
/// One bucket of one lot (and class). <see cref="Slots"/> is the lot's slots (of the class's size with <c>by=class</c>);
/// the percentages are of those, to 0.1, and null when there are none. Peak and average are null for a bucket that has
/// not begun; the average of the current bucket runs up to now. A class that overflows into larger slots (motorcycles
/// on car bays) can exceed 100 % of its own slots.
/// </summary>
internal sealed record OccupancyReportRow(
    string Period,
    string LotId,
    VehicleClass? VehicleClass,
    long Entries,
    long Exits,
    long ForceClosed,
    long InsideAtEnd,
    long? PeakInside,
    double? AverageInside,
    int? Slots,
    double? PeakPercent,
    double? AveragePercent);
