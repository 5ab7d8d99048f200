using Orleans;

namespace ParkingGrains.Grains.Interfaces.Lots;

[GenerateSerializer]
[Immutable]
public sealed record ReservationResult(
    [property: Id(0)] string EventId,
    [property: Id(1)] bool Accepted,
    [property: Id(2)] DenialReason? Reason,
    [property: Id(3)] string? ReasonText,
    [property: Id(4)] string? ReservationId,
    [property: Id(5)] string? SlotId,
    [property: Id(6)] ReservationStatus? Status);
