using ParkingGrains.Runtime;

namespace ParkingGrains.TestGrains;

public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task<string> Register(TimeSpan dueTime, TimeSpan period);

    Task Unregister();
}
