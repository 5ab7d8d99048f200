using ParkingGrains.Runtime;

namespace ParkingGrains.TestGrains;

public interface IValueObserver : IGrainObserver
{
    void OnValue(string grainKey, string value);
}
