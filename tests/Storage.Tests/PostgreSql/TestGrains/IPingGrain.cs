namespace ParkingGrains.Storage.Tests.PostgreSql.TestGrains;

public interface IPingGrain : IGrainWithIntegerKey
{
    /// <summary>The address of the silo the activation runs on.</summary>
    Task<string> PingAsync();
}
