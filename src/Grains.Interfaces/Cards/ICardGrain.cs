using ParkingGrains.Runtime;

namespace ParkingGrains.Grains.Interfaces.Cards;

/// <summary>One access card (key: card id).</summary>
public interface ICardGrain : IGrainWithStringKey
{
    Task Configure(CardDefinition definition);

    Task Block(string reason);

    Task Unblock();

    [ReadOnly]
    Task<CardDefinition?> Get();

    [ReadOnly]
    Task<CardAuthorization> Authorize(string lotId, DateTimeOffset at);
}
