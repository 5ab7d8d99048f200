using ParkingGrains.Runtime;

namespace ParkingGrains.TestGrains;

/// <summary>Two non-reentrant grains that call each other back: a deadlock the runtime must detect.</summary>
public interface IPingPongGrain : IGrainWithStringKey
{
    /// <summary>Calls <paramref name="otherKey"/>, which calls this grain back.</summary>
    Task<string> Ping(string otherKey);

    Task<string> PingBack(string callerKey);

    Task<string> Hello();
}
