using Microsoft.Extensions.Time.Testing;
using ParkingGrains.GateAgent.Devices;

namespace ParkingGrains.GateAgent.Tests.Devices;

public sealed class SimulatedLaneDisplayTests
{
    [Fact]
    public async Task Keeps_the_last_text_cleaned_and_cut_to_the_display()
    {
        var time = new FakeTimeProvider();
        await using var display = new SimulatedLaneDisplay(time, new ListLogger<SimulatedLaneDisplay>());
        Assert.Equal(("", ""), (display.Current.Line1, display.Current.Line2));

        await display.ShowAsync("Welcome 51F-123.45", "Go to B2, slot 14");
        time.Advance(TimeSpan.FromSeconds(1));
        await display.ShowAsync("Welcome\u202E 51F\u200B-123.45\r\n", new string('x', 40));

        Assert.Equal("Welcome 51F-123.45", display.Current.Line1);
        Assert.Equal(new string('x', LaneDisplayText.MaxLineLength - 1) + "…", display.Current.Line2);
        Assert.Equal(time.GetUtcNow(), display.Current.ShownAt);
    }
}
