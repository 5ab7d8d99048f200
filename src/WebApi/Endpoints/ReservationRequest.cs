using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>Body of an API request; the time defaults to now.</summary>
public sealed record ReservationRequest(string EventId, string? Plate, string? CardId, VehicleClass VehicleClass, string? SlotId, DateTimeOffset From, DateTimeOffset To);
