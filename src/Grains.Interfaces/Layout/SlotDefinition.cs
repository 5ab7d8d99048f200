namespace ParkingGrains.Grains.Interfaces.Layout;

/// <summary>One parking slot as configured (its live status belongs to the slot grain, not here).</summary>
/// <param name="SlotId">Unique within the lot.</param>
/// <param name="FloorId">The floor it is on.</param>
/// <param name="Number">The label painted on the ground and shown to drivers, unique per floor.</param>
/// <param name="Size">The largest vehicle class the slot takes.</param>
/// <param name="Ev">Has a charger.</param>
/// <param name="Accessible">Reserved for drivers with a disability badge.</param>
/// <param name="GateDistances">Walking/driving distance in metres from each gate, keyed by gate id.</param>
public sealed record SlotDefinition(
    string SlotId,
    string FloorId,
    string Number,
    VehicleClass Size,
    bool Ev,
    bool Accessible,
    IReadOnlyDictionary<string, double> GateDistances);
