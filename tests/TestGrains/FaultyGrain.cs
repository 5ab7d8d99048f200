using ParkingGrains.Runtime;

namespace ParkingGrains.TestGrains;

public sealed class FaultyGrain : Grain, IFaultyGrain
{
    public Task Throw(string message) => throw new InvalidOperationException(message);

    public async Task<int> Slow(int milliseconds)
    {
        await Task.Delay(milliseconds);
        return milliseconds;
    }
}
