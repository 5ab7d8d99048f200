using Orleans;

namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>
/// The answer to an entry: open or not (with a reason code), the session/ticket, the slot, and free counts.
/// <see cref="Replayed"/>: the entry was dated more than the clock skew before the server decided (an offline gate catching up).
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record EntryDecision(
    [property: Id(0)] string EventId,
    [property: Id(1)] bool Allowed,
    [property: Id(2)] DenialReason? Reason,
    [property: Id(3)] string? ReasonText,
    [property: Id(4)] string? SessionId,
    [property: Id(5)] string? Ticket,
    [property: Id(6)] SlotAssignment? Slot,
    [property: Id(7)] bool Flagged,
    [property: Id(8)] IReadOnlyDictionary<VehicleClass, int> FreeCounts,
    [property: Id(9)] bool Replayed = false);
