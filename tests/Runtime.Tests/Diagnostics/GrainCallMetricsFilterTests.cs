using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ParkingGrains.Runtime.Diagnostics;
using ParkingGrains.Runtime.Tests.Infrastructure;
using ParkingGrains.TestGrains;

namespace ParkingGrains.Runtime.Tests.Diagnostics;

public sealed class GrainCallMetricsFilterTests
{
    [Fact]
    public async Task CallsAreCountedByMethodAndOutcome()
    {
        var counts = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == GrainCallMetricsFilter.MeterName && instrument.Name == "parkinggrains.grain.calls")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var method = tags.ToArray().Single(t => t.Key == "method").Value;
            var outcome = tags.ToArray().Single(t => t.Key == "outcome").Value;
            counts.AddOrUpdate($"{method}:{outcome}", value, (_, total) => total + value);
        });
        listener.Start();

        await using var cluster = await Clusters.StartAsync(silos: 1, b => b.AddGrainCallMetrics());
        var key = $"metrics-{Guid.NewGuid():N}";
        for (var i = 0; i < 3; i++)
        {
            await cluster.GrainFactory.GetGrain<ICounterGrain>(key).Increment();
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.GrainFactory.GetGrain<IFaultyGrain>(key).Throw("boom"));

        Assert.Equal(3, counts.GetValueOrDefault("ICounterGrain.Increment:ok"));
        Assert.Equal(1, counts.GetValueOrDefault("IFaultyGrain.Throw:InvalidOperationException"));
    }
}
