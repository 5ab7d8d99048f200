using ParkingGrains.Runtime;

namespace ParkingGrains.TestGrains;

[Reentrant]
public sealed class CallerGrain : Grain, ICallerGrain
{
    public async Task<string> IncrementCounter(string counterKey, int times)
    {
        var counter = GrainFactory.GetGrain<ICounterGrain>(counterKey);
        for (var i = 0; i < times; i++)
        {
            await counter.Increment();
        }

        return GrainContext.Silo.ToString();
    }
}
