using Orleans;
using Orleans.Concurrency;

namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>The operator's list of lots (single grain, key "all"); lots register themselves when configured.</summary>
public interface ILotDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The key of the one directory grain.</summary>
    const string Key = "all";

    Task Register(LotSummary lot);

    /// <summary>Drops a lot whose configuration was removed.</summary>
    Task Unregister(string lotId);

    [ReadOnly]
    Task<IReadOnlyList<LotSummary>> List();
}
