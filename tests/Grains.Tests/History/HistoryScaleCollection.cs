namespace ParkingGrains.Grains.Tests.History;

/// <summary>
/// The timed month-of-history runs go alone, after the parallel tests: the budget is for one report rendering, not for
/// one that shares two cores with clusters of other test classes (and each other).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HistoryScaleCollection
{
    public const string Name = "History scale";
}
