using System.Diagnostics;
using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.WebApi.Operations;

/// <summary>
/// Records <see cref="ParkingGrainsMetrics"/> for every API result that is an entry or exit decision (the gate
/// endpoints' <c>POST /api/gates/{gateId}/entry|exit</c>), without touching the handlers: the filter sits on the
/// /api group and looks at the result's value.
/// </summary>
internal sealed class DecisionMetricsFilter(ParkingGrainsMetrics metrics) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await next(context);
        switch (result)
        {
            case IValueHttpResult { Value: EntryDecision entry }:
                metrics.Record(entry, Stopwatch.GetElapsedTime(started));
                break;
            case IValueHttpResult { Value: ExitDecision exit }:
                metrics.Record(exit, Stopwatch.GetElapsedTime(started));
                break;
        }

        return result;
    }
}
