namespace ParkingGrains.Grains.Interfaces.Tariffs;

/// <summary>Facts about the exit that change the fee.</summary>
/// <param name="LostTicket">The driver lost the ticket: the rate's lost-ticket fee applies.</param>
/// <param name="Subscriber">A monthly-pass holder within quota: free, whatever else applies.</param>
public sealed record FeeOptions(bool LostTicket = false, bool Subscriber = false)
{
    /// <summary>A normal exit with the ticket, not a subscriber.</summary>
    public static FeeOptions None { get; } = new();
}
