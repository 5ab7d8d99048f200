using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.Grains.Lots;

public sealed class LotDirectoryState
{
    public Dictionary<string, LotSummary> Lots { get; set; } = [];
}
