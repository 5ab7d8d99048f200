namespace ParkingGrains.Bench;

public sealed class CounterStoreState
{
    public long Value { get; set; }
}
