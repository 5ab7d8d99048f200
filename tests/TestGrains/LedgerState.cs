using ParkingGrains.Runtime;

namespace ParkingGrains.TestGrains;

public sealed class LedgerState : IJournaledStateOf<LedgerEvent>
{
    public long Balance { get; set; }

    public Dictionary<string, long> Operations { get; set; } = [];

    public void Apply(LedgerEvent @event)
    {
        if (@event is AmountPosted posted)
        {
            Balance += posted.Amount;
            Operations[posted.OperationId] = Balance;
        }
    }
}
