namespace ParkingGrains.WebApi.Reports;

/// <summary>Movements over the whole range and the vehicles inside at its end, all lots and classes together.</summary>
internal sealed record OccupancyTotals(long Entries, long Exits, long ForceClosed, long InsideAtEnd);
