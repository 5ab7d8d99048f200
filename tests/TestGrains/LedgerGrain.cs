using ParkingGrains.Runtime;

namespace ParkingGrains.TestGrains;

/// <summary>Reentrant: decisions are taken synchronously on tentative state, then confirmed in batches.</summary>
[Reentrant]
public sealed class LedgerGrain([JournaledState("ledger", SnapshotEvery = 50)] IJournaledState<LedgerState, LedgerEvent> journal) : Grain, ILedgerGrain
{
    public async Task<long> Post(string operationId, long amount)
    {
        if (!journal.State.Operations.TryGetValue(operationId, out var balance))
        {
            journal.Raise(new AmountPosted(operationId, amount));
            balance = journal.State.Balance;
        }

        await journal.ConfirmAsync();
        return balance;
    }

    public Task<(long Balance, long Version, int Postings)> Get() =>
        Task.FromResult((journal.State.Balance, journal.Version, journal.State.Operations.Count));

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
