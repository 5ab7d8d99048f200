using ParkingGrains.Runtime;

namespace ParkingGrains.TestGrains;

public interface IFaultyGrain : IGrainWithStringKey
{
    Task Throw(string message);

    Task<int> Slow(int milliseconds);
}
