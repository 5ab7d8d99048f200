namespace ParkingGrains.WebApi.Tests.Reports;

/// <summary>The PostgreSQL report tests share one cluster and host on the test server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlReportsCollection : ICollectionFixture<PostgreSqlReportsFixture>
{
    public const string Name = "reports-postgresql";
}
