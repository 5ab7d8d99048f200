using Orleans;

namespace ParkingGrains.Grains.Interfaces;

/// <summary>
/// Gives <see cref="VehicleClassCounts"/> an Orleans codec. Decisions type their counts as
/// <c>IReadOnlyDictionary&lt;VehicleClass, int&gt;</c> but hold this class at run time, and the serializer writes the
/// run-time type: without a codec for it the call would fail (or come back as a plain dictionary).
/// </summary>
[RegisterConverter]
internal sealed class VehicleClassCountsConverter : IConverter<VehicleClassCounts, VehicleClassCountsSurrogate>
{
    public VehicleClassCounts ConvertFromSurrogate(in VehicleClassCountsSurrogate surrogate) =>
        VehicleClassCounts.From(surrogate.Counts ?? []);

    public VehicleClassCountsSurrogate ConvertToSurrogate(in VehicleClassCounts value) => new() { Counts = [.. value.Values] };
}
