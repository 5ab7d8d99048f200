using Microsoft.Extensions.Logging;

namespace ParkingGrains.GateAgent.Devices;

/// <summary>A display that keeps the last text (for the lane UI and tests) and logs each change.</summary>
public sealed class SimulatedLaneDisplay(TimeProvider time, ILogger<SimulatedLaneDisplay> logger) : ILaneDisplay
{
    private volatile LaneDisplayText _current = new("", "", time.GetUtcNow());

    public string Name { get; init; } = "display";

    public LaneDisplayText Current => _current;

    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task ShowAsync(string line1, string line2, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var text = new LaneDisplayText(LaneDisplayText.Clean(line1), LaneDisplayText.Clean(line2), time.GetUtcNow());
        _current = text;
        logger.LogInformation("{Display}: {Line1} | {Line2}", Name, text.Line1, text.Line2);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
