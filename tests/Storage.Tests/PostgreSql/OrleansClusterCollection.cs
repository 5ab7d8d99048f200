namespace ParkingGrains.Storage.Tests.PostgreSql;

/// <summary>
/// Tests that start silos run one at a time: on a two-core machine concurrent clusters slow each other past Orleans'
/// liveness and response timeouts.
/// </summary>
[CollectionDefinition(Name)]
public sealed class OrleansClusterCollection
{
    public const string Name = "Orleans clusters";
}
