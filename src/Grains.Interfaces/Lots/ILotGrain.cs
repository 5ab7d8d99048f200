using Orleans;
using Orleans.Concurrency;
using ParkingGrains.Grains.Interfaces.Calls;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>
/// One lot (key: lot id). The authority for its occupancy: every entry, exit, payment, reservation and override
/// is decided in one turn on the lot's state and appended to its event log before it is acknowledged, so two
/// sessions can never get one slot and no acknowledged decision can be missing from the history.
/// </summary>
public interface ILotGrain : IGrainWithStringKey
{
    /// <summary>Applies a layout and tariff whatever the lot's current configuration (import, seeding).</summary>
    Task<ConfigureLotResult> Configure(LotLayout layout, Tariff tariff);

    /// <summary>Configures the lot only if it has no configuration now; otherwise <see cref="LotConflict.AlreadyConfigured"/>.</summary>
    Task<ConfigureLotResult> Create(LotLayout layout, Tariff tariff);

    /// <summary>
    /// Replaces the configuration only if it is still at <paramref name="expectedRevision"/> (optimistic concurrency
    /// for admins editing at once); otherwise <see cref="LotConflict.RevisionChanged"/> or <see cref="LotConflict.NotConfigured"/>.
    /// </summary>
    Task<ConfigureLotResult> Reconfigure(LotLayout layout, Tariff tariff, long expectedRevision);

    /// <summary>
    /// Removes the lot's configuration (it leaves the lot directory and its gates are unassigned) if it is still at
    /// <paramref name="expectedRevision"/> and nobody is inside and no reservation is open. The lot's history stays.
    /// </summary>
    Task<RemoveLotResult> Remove(long expectedRevision);

    [ReadOnly]
    Task<LotLayout?> GetLayout();

    /// <summary>Layout, tariff and configuration revision in one read; null when the lot is not configured.</summary>
    [ReadOnly]
    Task<LotConfiguration?> GetConfiguration();

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

    /// <summary>A lane's offline cache for <paramref name="gateId"/> (cards left empty: the gate adds them); null when unconfigured.</summary>
    [ReadOnly]
    Task<Gates.LaneCache?> GetLaneCache(string gateId);
}
