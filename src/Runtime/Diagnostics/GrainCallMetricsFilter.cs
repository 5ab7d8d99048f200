using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ParkingGrains.Runtime.Diagnostics;

/// <summary>
/// Counts and times every call a silo serves, tagged by interface method and outcome, on the meter
/// "ParkingGrains.Runtime" (export it with OpenTelemetry or watch it with dotnet-counters).
/// </summary>
public sealed class GrainCallMetricsFilter : IIncomingGrainCallFilter, IDisposable
{
    public const string MeterName = "ParkingGrains.Runtime";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;

    public GrainCallMetricsFilter()
    {
        _calls = _meter.CreateCounter<long>("parkinggrains.grain.calls", description: "Grain calls served, by method and outcome.");
        _duration = _meter.CreateHistogram<double>("parkinggrains.grain.call.duration", unit: "ms", description: "Time a grain call took inside its activation.");
    }

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            await context.Invoke();
        }
        catch (Exception ex)
        {
            outcome = ex.GetType().Name;
            throw;
        }
        finally
        {
            var method = new KeyValuePair<string, object?>("method", $"{context.InterfaceMethod.DeclaringType?.Name}.{context.InterfaceMethod.Name}");
            var result = new KeyValuePair<string, object?>("outcome", outcome);
            _calls.Add(1, method, result);
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, method, result);
        }
    }

    public void Dispose() => _meter.Dispose();
}
