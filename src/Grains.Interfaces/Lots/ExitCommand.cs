namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>A vehicle at an exit lane, identified by plate, card or ticket (first match wins, in that order: ticket, card, plate).</summary>
public sealed record ExitCommand(
    string EventId,
    string GateId,
    string? Plate,
    string? CardId,
    string? Ticket,
    DateTimeOffset Time,
    bool LostTicket = false);
