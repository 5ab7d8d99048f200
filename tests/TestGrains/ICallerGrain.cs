using ParkingGrains.Runtime;

namespace ParkingGrains.TestGrains;

/// <summary>Calls another grain from wherever it is placed, so calls cross silos.</summary>
public interface ICallerGrain : IGrainWithStringKey
{
    Task<string> IncrementCounter(string counterKey, int times);
}
