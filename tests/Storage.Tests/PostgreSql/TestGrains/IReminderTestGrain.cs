namespace ParkingGrains.Storage.Tests.PostgreSql.TestGrains;

public interface IReminderTestGrain : IGrainWithStringKey
{
    Task StartAsync(TimeSpan period);

    Task StopAsync();

    Task<int> GetTicksAsync();
}
