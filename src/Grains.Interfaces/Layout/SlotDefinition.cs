using Orleans;

namespace ParkingGrains.Grains.Interfaces.Layout;

/// <summary>One parking slot as configured (its live status belongs to the slot grain, not here).</summary>
/// <param name="SlotId">Unique within the lot.</param>
/// <param name="FloorId">The floor it is on.</param>
/// <param name="Number">The label painted on the ground and shown to drivers, unique per floor.</param>
/// <param name="Size">The largest vehicle class the slot takes.</param>
/// <param name="Ev">Has a charger.</param>
/// <param name="Accessible">Reserved for drivers with a disability badge.</param>
/// <param name="GateDistances">Walking/driving distance in metres from each gate, keyed by gate id.</param>
[GenerateSerializer]
[Immutable]
public sealed record SlotDefinition(
    [property: Id(0)] string SlotId,
    [property: Id(1)] string FloorId,
    [property: Id(2)] string Number,
    [property: Id(3)] VehicleClass Size,
    [property: Id(4)] bool Ev,
    [property: Id(5)] bool Accessible,
    [property: Id(6)] IReadOnlyDictionary<string, double> GateDistances);
