namespace ParkingGrains.Grains.Tests.Infrastructure;

/// <summary>The tests of input bounds and of replaying old logs: production time bounds, a log they write, silo restarts.</summary>
[CollectionDefinition(Name)]
public sealed class BoundsCollection : ICollectionFixture<BoundsClusterFixture>
{
    public const string Name = "domain bounds";
}
