using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>
/// PUT /api/lots/{lotId}: fields left null stay as they are. A new currency needs a tariff in that currency in the
/// same request (a lot and its tariff always charge in one currency).
/// </summary>
public sealed record LotUpdateRequest(string? Name, string? TimeZoneId, string? Currency, LotSettings? Settings, Tariff? Tariff);
