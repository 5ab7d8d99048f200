namespace ParkingGrains.Grains.Interfaces.Cards;

/// <summary>
/// The outcome of a change to a card. <paramref name="Card"/> is the card after the call (null when it does not
/// exist); <paramref name="Version"/> is its version after the call, also when refused or deleted.
/// </summary>
public sealed record CardChangeResult(CardChangeStatus Status, IReadOnlyList<string> Problems, CardRecord? Card, long Version)
{
    public bool Applied => Status == CardChangeStatus.Applied;
}
