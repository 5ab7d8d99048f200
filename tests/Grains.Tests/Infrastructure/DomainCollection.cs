namespace ParkingGrains.Grains.Tests.Infrastructure;

/// <summary>The test classes that share one single-silo cluster; none of them stops or kills a silo.</summary>
[CollectionDefinition(Name)]
public sealed class DomainCollection : ICollectionFixture<DomainClusterFixture>
{
    public const string Name = "domain";
}
