using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>What a stay costs if the vehicle left at the quoted time.</summary>
public sealed record ExitQuote(string SessionId, string Ticket, FeeQuote Fee, Money AmountPaid, Money AmountDue, DateTimeOffset? FreeExitUntil);
