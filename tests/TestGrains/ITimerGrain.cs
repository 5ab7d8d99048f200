using ParkingGrains.Runtime;

namespace ParkingGrains.TestGrains;

public interface ITimerGrain : IGrainWithStringKey
{
    Task Start(TimeSpan period);

    /// <summary>Ticks so far and whether any tick overlapped a request.</summary>
    [ReadOnly]
    Task<(int Ticks, int Overlaps)> GetTicks();

    Task<int> BusyRequest(int milliseconds);
}
