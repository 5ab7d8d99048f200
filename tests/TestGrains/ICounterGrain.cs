using ParkingGrains.Runtime;

namespace ParkingGrains.TestGrains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    /// <summary>Safe to resend: the increment is applied at most once per operation id.</summary>
    [Idempotent]
    Task<int> IncrementOnce(string operationId);

    [ReadOnly]
    Task<int> GetCount();

    /// <summary>How many times a turn started while another was still running (must stay 0).</summary>
    [ReadOnly]
    Task<int> GetOverlaps();

    [ReadOnly]
    Task<string> GetSilo();
}
