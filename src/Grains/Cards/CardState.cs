using ParkingGrains.Grains.Interfaces.Cards;

namespace ParkingGrains.Grains.Cards;

public sealed class CardState
{
    public CardDefinition? Definition { get; set; }

    /// <summary>Increases with every change, also a delete, so a re-created card never repeats an old version.</summary>
    public long Version { get; set; }
}
