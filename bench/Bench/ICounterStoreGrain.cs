namespace ParkingGrains.Bench;

public interface ICounterStoreGrain : IGrainWithStringKey
{
    Task<long> Store(long value);
}
