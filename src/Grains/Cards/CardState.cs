using ParkingGrains.Grains.Interfaces.Cards;

namespace ParkingGrains.Grains.Cards;

public sealed class CardState
{
    public CardDefinition? Definition { get; set; }
}
