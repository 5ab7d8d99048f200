namespace ParkingGrains.Bench.Gate;

/// <summary>
/// One vehicle at a benchmark lane: plate read ms (NaN when the plate was given), whether the read was right and sure,
/// the decision ms (the lane controller's own measure: cluster round trip, or the local decision with its journal
/// write), decision → barrier command ms and plate → barrier command ms (NaN when the barrier did not open), and when.
/// </summary>
public sealed record LaneSample(
    string GateId,
    string Plate,
    string EventId,
    bool Open,
    bool Offline,
    double PlateMilliseconds,
    bool PlateCorrect,
    double DecisionMilliseconds,
    double BarrierMilliseconds,
    double EndToEndMilliseconds,
    string? Refusal,
    DateTimeOffset At);
