using ParkingGrains.Runtime;

namespace ParkingGrains.TestGrains;

public interface IObservableGrain : IGrainWithStringKey
{
    Task Subscribe(IValueObserver observer);

    Task Publish(string value);
}
