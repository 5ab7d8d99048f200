using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.Grains.Tests.Infrastructure;

/// <summary>
/// What a lot shows from outside: its event count, stays, slots and reservations. Equal before and after a refused
/// command means it changed nothing (the version counts every event, so not even a refusal was recorded).
/// </summary>
public sealed record LotFootprint(long Version, string Sessions, string Slots, string Reservations)
{
    public static async Task<LotFootprint> OfAsync(ILotGrain lot) => new(
        (await lot.GetStatus()).Version,
        string.Join(";", (await lot.GetActiveSessions(null)).Select(s => $"{s.SessionId}@{s.SlotId}:{s.Plate}:{s.AmountPaid}")),
        string.Join(";", (await lot.GetSlots()).Select(s => $"{s.SlotId}={s.Status}/{s.ReservationId}")),
        string.Join(";", (await lot.GetReservations()).Select(r => $"{r.ReservationId}@{r.SlotId}:{r.Status}")));
}
