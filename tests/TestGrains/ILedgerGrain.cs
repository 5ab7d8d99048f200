using ParkingGrains.Runtime;

namespace ParkingGrains.TestGrains;

/// <summary>An event-sourced ledger: every posting is one event; postings are idempotent by operation id.</summary>
public interface ILedgerGrain : IGrainWithStringKey
{
    [Idempotent]
    Task<long> Post(string operationId, long amount);

    [ReadOnly]
    Task<(long Balance, long Version, int Postings)> Get();

    Task Deactivate();
}
