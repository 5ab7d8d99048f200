namespace ParkingGrains.Grains.Interfaces.Cards;

public enum CardKind
{
    /// <summary>Pays per stay.</summary>
    Visitor = 0,

    /// <summary>Monthly pass: parks free, at most <see cref="CardDefinition.Quota"/> vehicles inside at once.</summary>
    Subscriber = 1,
}
