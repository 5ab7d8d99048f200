using Orleans;
using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.Grains.Interfaces.Cards;

/// <summary>Whether a card may enter a lot now, and as what.</summary>
[GenerateSerializer]
[Immutable]
public sealed record CardAuthorization(
    [property: Id(0)] bool Valid,
    [property: Id(1)] DenialReason? Reason,
    [property: Id(2)] string? ReasonText,
    [property: Id(3)] CardKind Kind,
    [property: Id(4)] int Quota);
