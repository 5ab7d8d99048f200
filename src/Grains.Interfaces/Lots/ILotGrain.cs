using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Tariffs;
using ParkingGrains.Runtime;

namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>
/// One lot (key: lot id). The authority for its occupancy: every entry, exit, payment, reservation and override
/// is decided in one turn on the lot's state and appended to its event log before it is acknowledged, so two
/// sessions can never get one slot and no acknowledged decision can be missing from the history.
/// </summary>
public interface ILotGrain : IGrainWithStringKey
{
    Task<ConfigureLotResult> Configure(LotLayout layout, Tariff tariff);

    [ReadOnly]
    Task<LotLayout?> GetLayout();

    [ReadOnly]
    Task<Tariff?> GetTariff();

    [Idempotent]
    Task<EntryDecision> Enter(EntryCommand command);

    [Idempotent]
    Task<ExitDecision> Exit(ExitCommand command);

    [Idempotent]
    Task<PaymentResult> Pay(PaymentCommand command);

    [Idempotent]
    Task<PaymentResult> Refund(RefundCommand command);

    [ReadOnly]
    Task<ExitQuote?> Quote(string sessionIdOrTicketOrPlate, DateTimeOffset at);

    [Idempotent]
    Task<ReservationResult> Reserve(ReservationCommand command);

    [Idempotent]
    Task<ReservationResult> CancelReservation(CancelReservationCommand command);

    [Idempotent]
    Task<OverrideResult> OverrideSlot(SlotOverrideCommand command);

    [Idempotent]
    Task<ExitDecision> ForceExit(ForceExitCommand command);

    [ReadOnly]
    Task<LotStatus> GetStatus();

    [ReadOnly]
    Task<IReadOnlyList<SlotView>> GetSlots();

    [ReadOnly]
    Task<IReadOnlyList<ActiveSession>> GetActiveSessions(string? plateContains);

    [ReadOnly]
    Task<IReadOnlyList<ReservationView>> GetReservations();
}
