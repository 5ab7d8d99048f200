namespace ParkingGrains.Grains.Tests.Gates;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GateOfflineCollection
{
    public const string Name = "gate offline";
}
