using Microsoft.Extensions.Time.Testing;
using ParkingGrains.GateAgent.Devices;

namespace ParkingGrains.GateAgent.Tests.Devices;

public sealed class CardDebouncerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void The_same_card_within_the_window_is_one_read()
    {
        var debouncer = new CardDebouncer(TimeSpan.FromSeconds(3), _time);

        Assert.True(debouncer.Accept("C1"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(debouncer.Accept("C1"));
        _time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(debouncer.Accept("C1")); // 2.9 s after the last sighting: the window slides
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.True(debouncer.Accept("C1"));
    }

    [Fact]
    public void Different_cards_do_not_debounce_each_other()
    {
        var debouncer = new CardDebouncer(TimeSpan.FromSeconds(3), _time);

        Assert.True(debouncer.Accept("C1"));
        Assert.True(debouncer.Accept("C2"));
        Assert.False(debouncer.Accept("C1"));
        Assert.True(debouncer.Accept("c1")); // ids are compared exactly
    }

    [Fact]
    public void The_window_is_configurable_and_memory_is_pruned_without_changing_answers()
    {
        var debouncer = new CardDebouncer(TimeSpan.FromMilliseconds(500), _time);
        Assert.True(debouncer.Accept("KEEP"));
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(debouncer.Accept($"C{i}"));
        }

        Assert.False(debouncer.Accept("KEEP"));
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(debouncer.Accept("KEEP"));
        Assert.True(debouncer.Accept("C5"));
    }
}
