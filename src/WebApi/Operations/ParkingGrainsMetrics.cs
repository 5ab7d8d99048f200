using System.Diagnostics.Metrics;
using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.WebApi.Operations;

/// <summary>
/// The product's meter "ParkingGrains", exported at /metrics next to Orleans' "Microsoft.Orleans":
/// <c>parkinggrains_entries_total</c> (vehicles let in), <c>parkinggrains_exits_total</c> (barriers opened at an exit),
/// <c>parkinggrains_denials_total{reason,direction}</c> and the histogram
/// <c>parkinggrains_decision_duration_milliseconds{direction,outcome}</c> (the web host's time for a decision) and
/// <c>parkinggrains_http_faults_total{status}</c> (answers with a 5xx status: faults, an unreachable cluster).
/// Recorded where decisions pass through the web host (<see cref="DecisionMetricsFilter"/>); a retried request with
/// the same eventId is counted again.
/// </summary>
public sealed class ParkingGrainsMetrics
{
    public const string MeterName = "ParkingGrains";

    private readonly Counter<long> _entries;
    private readonly Counter<long> _exits;
    private readonly Counter<long> _denials;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _faults;

    public ParkingGrainsMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _entries = meter.CreateCounter<long>("parkinggrains.entries", description: "Vehicles let in at an entry lane.");
        _exits = meter.CreateCounter<long>("parkinggrains.exits", description: "Exit barriers opened.");
        _denials = meter.CreateCounter<long>("parkinggrains.denials", description: "Entries and exits refused, by reason code.");
        _duration = meter.CreateHistogram<double>("parkinggrains.decision.duration", unit: "ms",
            description: "Time the web host took to decide an entry or exit.");
        _faults = meter.CreateCounter<long>("parkinggrains.http.faults", description: "API answers with a 5xx status (faults, cluster unreachable).");
    }

    /// <summary>One answer with a 5xx status; monitoring alerts on these, never on the callers' 4xx.</summary>
    public void RecordFault(int status) =>
        _faults.Add(1, new KeyValuePair<string, object?>("status", status));

    public void Record(EntryDecision decision, TimeSpan elapsed) =>
        Record("entry", decision.Allowed, decision.Reason, elapsed, _entries);

    public void Record(ExitDecision decision, TimeSpan elapsed) =>
        Record("exit", decision.Open, decision.Reason, elapsed, _exits);

    private void Record(string direction, bool allowed, DenialReason? reason, TimeSpan elapsed, Counter<long> passed)
    {
        var directionTag = new KeyValuePair<string, object?>("direction", direction);
        if (allowed)
        {
            passed.Add(1);
        }
        else
        {
            _denials.Add(1, new KeyValuePair<string, object?>("reason", reason?.ToString() ?? "Unknown"), directionTag);
        }

        _duration.Record(elapsed.TotalMilliseconds, directionTag,
            new KeyValuePair<string, object?>("outcome", allowed ? "allowed" : "denied"));
    }
}
