namespace ParkingGrains.WebApi.Tests.Reports;

/// <summary>The report tests share one SQLite-backed cluster and host (the month of synthetic history takes seconds to write).</summary>
[CollectionDefinition(Name)]
public sealed class ReportsCollection : ICollectionFixture<ReportsFixture>
{
    public const string Name = "reports";
}
