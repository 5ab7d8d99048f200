namespace ParkingGrains.TestGrains;

public sealed class StatefulGrainState
{
    public List<string> Values { get; set; } = [];
}
