using ParkingGrains.Grains.Interfaces;

namespace ParkingGrains.Grains.Lots;

/// <summary>An open stay in the lot.</summary>
public sealed record SessionRecord(
    string SessionId,
    string Ticket,
    string? Plate,
    string? CardId,
    VehicleClass VehicleClass,
    string SlotId,
    string EntryGateId,
    DateTimeOffset EntryTime,
    bool Subscriber,
    bool Flagged,
    string? ReservationId)
{
    public decimal AmountPaid { get; init; }

    public DateTimeOffset? FreeExitUntil { get; init; }
}
