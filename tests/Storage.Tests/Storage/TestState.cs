namespace ParkingGrains.Storage.Tests.Storage;

public sealed class TestState
{
    public string? Plate { get; set; }

    public int Count { get; set; }

    public TestSlotStatus Status { get; set; }

    public List<string> Tags { get; set; } = [];
}
