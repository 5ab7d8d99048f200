namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>A payment towards a stay (pay station, exit lane or app), by session id or ticket.</summary>
public sealed record PaymentCommand(
    string EventId,
    string SessionIdOrTicket,
    Money Amount,
    PaymentMethod Method,
    DateTimeOffset Time,
    string? Reference = null);
