using ParkingGrains.Runtime;

namespace ParkingGrains.TestGrains;

public interface IContextGrain : IGrainWithStringKey
{
    /// <summary>Returns the request-context value the caller's filter stamped.</summary>
    Task<string?> GetCaller();

    Task<string?> GetCallerVia(string otherKey);
}
