using Orleans;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>What a stay costs if the vehicle left at the quoted time.</summary>
[GenerateSerializer]
[Immutable]
public sealed record ExitQuote(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string Ticket,
    [property: Id(2)] FeeQuote Fee,
    [property: Id(3)] Money AmountPaid,
    [property: Id(4)] Money AmountDue,
    [property: Id(5)] DateTimeOffset? FreeExitUntil);
