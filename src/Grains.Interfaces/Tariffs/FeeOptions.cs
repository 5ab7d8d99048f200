using Orleans;

namespace ParkingGrains.Grains.Interfaces.Tariffs;

/// <summary>Facts about the exit that change the fee.</summary>
/// <param name="LostTicket">The driver lost the ticket: the rate's lost-ticket fee applies.</param>
/// <param name="Subscriber">A monthly-pass holder within quota: free, whatever else applies.</param>
[GenerateSerializer]
[Immutable]
public sealed record FeeOptions([property: Id(0)] bool LostTicket = false, [property: Id(1)] bool Subscriber = false)
{
    /// <summary>A normal exit with the ticket, not a subscriber.</summary>
    public static FeeOptions None { get; } = new();
}
