using ParkingGrains.Runtime;

namespace ParkingGrains.TestGrains;

public sealed class ObservableGrain : Grain, IObservableGrain
{
    private readonly List<IValueObserver> _observers = [];

    public Task Subscribe(IValueObserver observer)
    {
        _observers.Add(observer);
        return Task.CompletedTask;
    }

    public Task Publish(string value)
    {
        foreach (var observer in _observers)
        {
            observer.OnValue(this.GetPrimaryKeyString(), value);
        }

        return Task.CompletedTask;
    }
}
