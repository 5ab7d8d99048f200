using ParkingGrains.Grains.Interfaces.Cards;

namespace ParkingGrains.Grains.Cards;

public sealed class CardDirectoryState
{
    public Dictionary<string, CardRecord> Cards { get; set; } = [];
}
