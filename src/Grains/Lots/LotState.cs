using ParkingGrains.Grains.Interfaces.Validation;
using System.Text.Json.Serialization;
using ParkingGrains.Grains.Allocation;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Tariffs;
using ParkingGrains.Grains.Lots.Events;

namespace ParkingGrains.Grains.Lots;

/// <summary>
/// A lot's state, rebuilt by applying its events in order. Apply never decides anything (the grain decided and
/// recorded the outcome), so replay after a failover reproduces exactly the state that was acknowledged.
/// </summary>
public sealed class LotState : IJournaledStateOf<LotEvent>, IJournaledHistoryOf<LotEvent>
{
    /// <summary>How long a command id is remembered, measured by the server's clock when each was decided.</summary>
    public static readonly TimeSpan DedupRetention = TimeSpan.FromDays(7);

    /// <summary>At most this many command ids are remembered (days of traffic for a busy lot), bounding memory and replay.</summary>
    public const int DedupCapacity = 20_000;

    /// <summary>
    /// Events between snapshots. An activation replays the <see cref="DedupCapacity"/> events before its snapshot anyway
    /// (they rebuild the command results), so snapshotting much more often saves little replay and costs a full state
    /// write (layout included) every time on a busy lot.
    /// </summary>
    public const int SnapshotEvery = 10_000;

    private SlotAllocationIndex? _index;
    private Dictionary<string, string>? _sessionByPlate;
    private Dictionary<string, int>? _insideByCard;
    private Dictionary<string, int>? _insideByPlate;
    private Dictionary<string, GateDefinition>? _gateById;
    private DateTimeOffset? _latestDecision;

    public LotLayout? Layout { get; set; }

    public Tariff? Tariff { get; set; }

    /// <summary>
    /// Counts configuration changes (configured, removed): what admins' edits are checked against. Entries and
    /// payments do not change it, so a busy lot does not make every edit stale.
    /// </summary>
    public long Revision { get; set; }

    public long NextTicket { get; set; } = 1;

    public Dictionary<string, SessionRecord> Sessions { get; set; } = [];

    public Dictionary<string, SlotRecord> Slots { get; set; } = [];

    public Dictionary<string, ReservationView> Reservations { get; set; } = [];

    // Command results are rebuilt from the events before a snapshot (they carry them), so snapshots stay small.
    [JsonIgnore]
    public Dictionary<string, EntryDecision> EntryResults { get; } = [];

    [JsonIgnore]
    public Dictionary<string, ExitDecision> ExitResults { get; } = [];

    [JsonIgnore]
    public Dictionary<string, PaymentResult> PaymentResults { get; } = [];

    [JsonIgnore]
    public Dictionary<string, ReservationResult> ReservationResults { get; } = [];

    [JsonIgnore]
    public Dictionary<string, OverrideResult> OverrideResults { get; } = [];

    [JsonIgnore]
    public Queue<DedupEntry> DedupLog { get; } = new();

    int IJournaledHistoryOf<LotEvent>.HistoryEvents => DedupCapacity;

    [JsonIgnore]
    public SlotAllocationIndex Index => _index ??= BuildIndex();

    [JsonIgnore]
    public Dictionary<string, string> SessionByPlate => _sessionByPlate ??= Sessions.Values
        .Where(s => PlateNumber.Normalize(s.Plate) is not null)
        .GroupBy(s => PlateNumber.Normalize(s.Plate)!)
        .ToDictionary(g => g.Key, g => g.OrderBy(s => s.EntryTime).First().SessionId);

    [JsonIgnore]
    public Dictionary<string, int> InsideByCard => _insideByCard ??= Sessions.Values
        .Where(s => s.CardId is not null)
        .GroupBy(s => s.CardId!)
        .ToDictionary(g => g.Key, g => g.Count());

    // How many sessions share a plate (more than one only when the lot flags rather than denies): closing a
    // session searches for another one with its plate only when there is one.
    private Dictionary<string, int> InsideByPlate => _insideByPlate ??= Sessions.Values
        .Select(s => PlateNumber.Normalize(s.Plate))
        .OfType<string>()
        .GroupBy(p => p)
        .ToDictionary(g => g.Key, g => g.Count());

    [JsonIgnore]
    public Dictionary<string, GateDefinition> GateById => _gateById ??= Layout?.Gates.ToDictionary(g => g.GateId, StringComparer.Ordinal) ?? [];

    public void Apply(LotEvent @event)
    {
        ApplyChange(@event);
        RememberResult(@event);
    }

    /// <summary>Events before a snapshot: only their command results are needed (the snapshot has their effect).</summary>
    public void ApplyHistory(LotEvent @event) => RememberResult(@event);

    private void RememberResult(LotEvent @event)
    {
        switch (@event)
        {
            case VehicleEntered e:
                Remember(EntryResults, e.EventId, e.Decision, e.RecordedAt);
                break;
            case EntryDenied e:
                Remember(EntryResults, e.EventId, e.Decision, e.RecordedAt);
                break;
            case VehicleExited e:
                Remember(ExitResults, e.EventId, e.Decision, e.RecordedAt);
                break;
            case SessionForceClosed e:
                Remember(ExitResults, e.EventId, e.Decision, e.RecordedAt);
                break;
            case ExitDenied e:
                Remember(ExitResults, e.EventId, e.Decision, e.RecordedAt);
                break;
            case PaymentRecorded e:
                Remember(PaymentResults, e.EventId, e.Result, e.RecordedAt);
                break;
            case PaymentRejected e:
                Remember(PaymentResults, e.EventId, e.Result, e.RecordedAt);
                break;
            case RefundRecorded e:
                Remember(PaymentResults, e.EventId, e.Result, e.RecordedAt);
                break;
            case SlotOverridden e:
                Remember(OverrideResults, e.EventId, e.Result, e.RecordedAt);
                break;
            case SlotOverrideRejected e:
                Remember(OverrideResults, e.EventId, e.Result, e.RecordedAt);
                break;
            case ReservationBooked e:
                Remember(ReservationResults, e.EventId, e.Result, e.RecordedAt);
                break;
            case ReservationRejected e:
                Remember(ReservationResults, e.EventId, e.Result, e.RecordedAt);
                break;
            case ReservationCancelled e:
                Remember(ReservationResults, e.EventId, e.Result, e.RecordedAt);
                break;
        }
    }

    // Refusals change nothing but the command results, which RememberResult records.
    private void ApplyChange(LotEvent @event)
    {
        switch (@event)
        {
            case LotConfigured configured:
                ApplyConfigured(configured);
                break;
            case LotRemoved:
                ApplyRemoved();
                break;
            case VehicleEntered entered:
                ApplyEntered(entered);
                break;
            case VehicleExited exited:
                CloseSession(exited.SessionId);
                break;
            case SessionForceClosed forced:
                CloseSession(forced.SessionId);
                break;
            case PaymentRecorded paid:
                if (Sessions.TryGetValue(paid.SessionId, out var session))
                {
                    Sessions[paid.SessionId] = session with { AmountPaid = session.AmountPaid + paid.Amount.Amount, FreeExitUntil = paid.FreeExitUntil ?? session.FreeExitUntil };
                }

                break;
            case RefundRecorded refunded:
                // What was paid back no longer pays for the stay: the free-exit window it bought is gone too.
                if (Sessions.TryGetValue(refunded.SessionId, out var refundedSession))
                {
                    Sessions[refunded.SessionId] = refundedSession with { AmountPaid = Math.Max(0, refundedSession.AmountPaid - refunded.Amount.Amount), FreeExitUntil = null };
                }

                break;
            case SlotOverridden overridden when Slots.TryGetValue(overridden.SlotId, out var slot):
                slot.Override = overridden.Override;
                slot.OverrideReason = overridden.Override == SlotOverride.Automatic ? null : overridden.Reason;
                SyncIndex(overridden.SlotId);
                break;
            case ReservationBooked booked:
                Reservations[booked.Reservation.ReservationId] = booked.Reservation;
                break;
            case ReservationCancelled cancelled:
                EndReservation(cancelled.ReservationId);
                break;
            case ReservationHeld held when Reservations.TryGetValue(held.ReservationId, out var reservation) && Slots.TryGetValue(held.SlotId, out var heldSlot):
                Reservations[held.ReservationId] = reservation with { SlotId = held.SlotId, Status = ReservationStatus.Held };
                heldSlot.HeldFor = held.ReservationId;
                SyncIndex(held.SlotId);
                break;
            case ReservationExpired expired:
                EndReservation(expired.ReservationId);
                break;
        }
    }

    private void ApplyConfigured(LotConfigured configured)
    {
        Layout = configured.Layout;
        Tariff = configured.Tariff;
        var slots = new Dictionary<string, SlotRecord>();
        foreach (var definition in configured.Layout.Slots)
        {
            slots[definition.SlotId] = Slots.TryGetValue(definition.SlotId, out var existing) ? existing : new SlotRecord();
        }

        Slots = slots;
        _index = null;
        _gateById = null;
        Revision++;
    }

    // The grain removes a lot only when nobody is inside and no reservation is open, so only the layout goes.
    private void ApplyRemoved()
    {
        Layout = null;
        Tariff = null;
        Slots = [];
        Reservations = [];
        _index = null;
        _gateById = null;
        Revision++;
    }

    private void ApplyEntered(VehicleEntered entered)
    {
        NextTicket++;
        Sessions[entered.SessionId] = new SessionRecord(
            entered.SessionId, entered.Ticket, entered.Plate, entered.CardId, entered.VehicleClass, entered.SlotId, entered.GateId,
            entered.OccurredAt, entered.Subscriber, entered.Flagged, entered.ReservationId);
        if (Slots.TryGetValue(entered.SlotId, out var slot))
        {
            slot.SessionId = entered.SessionId;
        }

        if (entered.ReservationId is { } reservationId && Reservations.TryGetValue(reservationId, out var reservation))
        {
            Reservations[reservationId] = reservation with { SlotId = entered.SlotId, Status = ReservationStatus.Claimed };
            ReleaseHold(reservationId);
            Reservations.Remove(reservationId);
        }

        SyncIndex(entered.SlotId);
        if (PlateNumber.Normalize(entered.Plate) is { } plate)
        {
            SessionByPlate.TryAdd(plate, entered.SessionId);
            CountIn(InsideByPlate, plate);
        }

        if (entered.CardId is { } card)
        {
            CountIn(InsideByCard, card);
        }
    }

    private void CloseSession(string sessionId)
    {
        if (!Sessions.Remove(sessionId, out var session))
        {
            return;
        }

        if (Slots.TryGetValue(session.SlotId, out var slot) && slot.SessionId == sessionId)
        {
            slot.SessionId = null;
            SyncIndex(session.SlotId);
        }

        if (PlateNumber.Normalize(session.Plate) is { } plate)
        {
            var othersInside = CountOut(InsideByPlate, plate);
            if (SessionByPlate.TryGetValue(plate, out var current) && current == sessionId)
            {
                SessionByPlate.Remove(plate);
                if (othersInside && Sessions.Values.Where(s => PlateNumber.Normalize(s.Plate) == plate).MinBy(s => s.EntryTime) is { } other)
                {
                    SessionByPlate[plate] = other.SessionId;
                }
            }
        }

        if (session.CardId is { } card)
        {
            CountOut(InsideByCard, card);
        }
    }

    private static void CountIn(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    /// <summary>Counts one out; true when some are still in.</summary>
    private static bool CountOut(Dictionary<string, int> counts, string key)
    {
        if (!counts.TryGetValue(key, out var count) || count <= 1)
        {
            counts.Remove(key);
            return false;
        }

        counts[key] = count - 1;
        return true;
    }

    private void EndReservation(string reservationId)
    {
        if (Reservations.ContainsKey(reservationId))
        {
            ReleaseHold(reservationId);
            Reservations.Remove(reservationId);
        }
    }

    private void ReleaseHold(string reservationId)
    {
        foreach (var (slotId, slot) in Slots.Where(s => s.Value.HeldFor == reservationId).ToList())
        {
            slot.HeldFor = null;
            SyncIndex(slotId);
        }
    }

    private void SyncIndex(string slotId)
    {
        if (_index is null || !Slots.TryGetValue(slotId, out var slot))
        {
            return;
        }

        if (slot.IsAllocatable)
        {
            _index.Release(slotId);
        }
        else
        {
            _index.MarkUnavailable(slotId);
        }
    }

    private SlotAllocationIndex BuildIndex()
    {
        if (Layout is null)
        {
            throw new InvalidOperationException("The lot is not configured.");
        }

        var index = SlotAllocationIndex.FromLayout(Layout);
        foreach (var (slotId, slot) in Slots)
        {
            if (!slot.IsAllocatable)
            {
                index.MarkUnavailable(slotId);
            }
        }

        return index;
    }

    // Command ids are forgotten in arrival order: beyond the capacity, and after the retention measured by the server's
    // clock when they were decided (the latest such time seen, so it never runs backwards), keeping the last 1,024.
    // Never by the caller's event time: one command dated 9999 must not empty the memory, nor one dated 0001 break
    // replay. A queue, because records leave in the order they came: forgetting the oldest is O(1).
    private void Remember<TResult>(Dictionary<string, TResult> results, string eventId, TResult result, DateTimeOffset? decidedAt)
    {
        results[eventId] = result;
        DedupLog.Enqueue(new DedupEntry(results, eventId, decidedAt));
        if (decidedAt is { } at && (_latestDecision is null || at > _latestDecision))
        {
            _latestDecision = at;
        }

        DateTimeOffset? cutoff = _latestDecision is { } latest && latest - DateTimeOffset.MinValue > DedupRetention ? latest - DedupRetention : null;
        while (DedupLog.TryPeek(out var oldest)
            && (DedupLog.Count > DedupCapacity || (cutoff is { } c && oldest.At is { } seen && seen <= c && DedupLog.Count >= 1024)))
        {
            DedupLog.Dequeue();
            oldest.Results.Remove(oldest.EventId);
        }
    }
}
