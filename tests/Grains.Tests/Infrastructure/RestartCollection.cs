namespace ParkingGrains.Grains.Tests.Infrastructure;

/// <summary>
/// The test classes that restart every silo of their cluster to see grains activate again from storage: they share
/// a cluster of their own, so a restart never lands in the middle of another collection's test.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RestartCollection : ICollectionFixture<DomainClusterFixture>
{
    public const string Name = "domain restarts";
}
