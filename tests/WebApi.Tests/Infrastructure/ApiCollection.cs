namespace ParkingGrains.WebApi.Tests.Infrastructure;

/// <summary>API tests share one cluster and web host.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
