using Orleans;

namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>A vehicle at an exit lane, identified by plate, card or ticket (first match wins, in that order: ticket, card, plate).</summary>
[GenerateSerializer]
[Immutable]
public sealed record ExitCommand(
    [property: Id(0)] string EventId,
    [property: Id(1)] string GateId,
    [property: Id(2)] string? Plate,
    [property: Id(3)] string? CardId,
    [property: Id(4)] string? Ticket,
    [property: Id(5)] DateTimeOffset Time,
    [property: Id(6)] bool LostTicket = false);
