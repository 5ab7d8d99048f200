using Orleans;

namespace ParkingGrains.Grains.Interfaces.Cards;

/// <summary>
/// The outcome of a change to a card. <paramref name="Card"/> is the card after the call (null when it does not
/// exist); <paramref name="Version"/> is its version after the call, also when refused or deleted.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record CardChangeResult(
    [property: Id(0)] CardChangeStatus Status,
    [property: Id(1)] IReadOnlyList<string> Problems,
    [property: Id(2)] CardRecord? Card,
    [property: Id(3)] long Version)
{
    public bool Applied => Status == CardChangeStatus.Applied;
}
