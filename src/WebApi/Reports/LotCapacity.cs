using ParkingGrains.Grains.Interfaces;

namespace ParkingGrains.WebApi.Reports;

/// <summary>A lot's slots in all and per size (the largest vehicle class each takes).</summary>
internal sealed record LotCapacity(string LotId, string Name, int Slots, IReadOnlyDictionary<VehicleClass, int> Classes);
