namespace ParkingGrains.Bench;

[GenerateSerializer]
public sealed class CounterStoreState
{
    [Id(0)]
    public long Value { get; set; }
}
