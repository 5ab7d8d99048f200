using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.Grains.Interfaces.Cards;

/// <summary>Whether a card may enter a lot now, and as what.</summary>
public sealed record CardAuthorization(bool Valid, DenialReason? Reason, string? ReasonText, CardKind Kind, int Quota);
