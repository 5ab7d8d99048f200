namespace ParkingGrains.Storage.Tests.PostgreSql.TestGrains;

public interface IJsonStateGrain : IGrainWithStringKey
{
    Task SetAsync(string name, int count, JsonTestColor color);

    Task<string> GetNameAsync();

    Task<int> GetCountAsync();

    Task<JsonTestColor> GetColorAsync();

    Task ClearAsync();
}
