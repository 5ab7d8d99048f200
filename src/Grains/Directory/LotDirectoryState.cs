using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.Grains.Directory;

public sealed class LotDirectoryState
{
    public Dictionary<string, LotSummary> Lots { get; set; } = [];
}
