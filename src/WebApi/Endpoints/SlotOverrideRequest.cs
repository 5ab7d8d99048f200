using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>Body of an API request; the time defaults to now.</summary>
public sealed record SlotOverrideRequest(string EventId, SlotOverride Override, string Reason);
