namespace ParkingGrains.Bench;

public interface INoOpGrain : IGrainWithStringKey
{
    Task<int> Ping(int value);
}
