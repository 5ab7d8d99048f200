using System.Text.Json.Serialization;
using ParkingGrains.Grains.Allocation;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Tariffs;
using ParkingGrains.Grains.Lots.Events;
using ParkingGrains.Runtime;

namespace ParkingGrains.Grains.Lots;

/// <summary>
/// A lot's state, rebuilt by applying its events in order. Apply never decides anything (the grain decided and
/// recorded the outcome), so replay after a failover reproduces exactly the state that was acknowledged.
/// </summary>
public sealed class LotState : IJournaledStateOf<LotEvent>
{
    /// <summary>How long a command id is remembered, measured in the lot's own event time.</summary>
    public static readonly TimeSpan DedupRetention = TimeSpan.FromDays(7);

    private SlotAllocationIndex? _index;
    private Dictionary<string, string>? _sessionByPlate;
    private Dictionary<string, int>? _insideByCard;

    public LotLayout? Layout { get; set; }

    public Tariff? Tariff { get; set; }

    public long NextTicket { get; set; } = 1;

    public Dictionary<string, SessionRecord> Sessions { get; set; } = [];

    public Dictionary<string, SlotRecord> Slots { get; set; } = [];

    public Dictionary<string, ReservationView> Reservations { get; set; } = [];

    public Dictionary<string, EntryDecision> EntryResults { get; set; } = [];

    public Dictionary<string, ExitDecision> ExitResults { get; set; } = [];

    public Dictionary<string, PaymentResult> PaymentResults { get; set; } = [];

    public Dictionary<string, ReservationResult> ReservationResults { get; set; } = [];

    public Dictionary<string, OverrideResult> OverrideResults { get; set; } = [];

    public List<DedupEntry> DedupLog { get; set; } = [];

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

    public void Apply(LotEvent @event)
    {
        switch (@event)
        {
            case LotConfigured configured:
                ApplyConfigured(configured);
                break;
            case VehicleEntered entered:
                ApplyEntered(entered);
                break;
            case EntryDenied denied:
                Remember($"entry:{denied.EventId}", denied.OccurredAt);
                EntryResults[denied.EventId] = denied.Decision;
                break;
            case VehicleExited exited:
                CloseSession(exited.SessionId);
                Remember($"exit:{exited.EventId}", exited.OccurredAt);
                ExitResults[exited.EventId] = exited.Decision;
                break;
            case SessionForceClosed forced:
                CloseSession(forced.SessionId);
                Remember($"exit:{forced.EventId}", forced.OccurredAt);
                ExitResults[forced.EventId] = forced.Decision;
                break;
            case ExitDenied denied:
                Remember($"exit:{denied.EventId}", denied.OccurredAt);
                ExitResults[denied.EventId] = denied.Decision;
                break;
            case PaymentRecorded paid:
                if (Sessions.TryGetValue(paid.SessionId, out var session))
                {
                    Sessions[paid.SessionId] = session with { AmountPaid = session.AmountPaid + paid.Amount.Amount, FreeExitUntil = paid.FreeExitUntil ?? session.FreeExitUntil };
                }

                Remember($"payment:{paid.EventId}", paid.OccurredAt);
                PaymentResults[paid.EventId] = paid.Result;
                break;
            case PaymentRejected rejected:
                Remember($"payment:{rejected.EventId}", rejected.OccurredAt);
                PaymentResults[rejected.EventId] = rejected.Result;
                break;
            case SlotOverridden overridden:
                var slot = Slots[overridden.SlotId];
                slot.Override = overridden.Override;
                slot.OverrideReason = overridden.Override == SlotOverride.Automatic ? null : overridden.Reason;
                SyncIndex(overridden.SlotId);
                Remember($"override:{overridden.EventId}", overridden.OccurredAt);
                OverrideResults[overridden.EventId] = overridden.Result;
                break;
            case SlotOverrideRejected rejected:
                Remember($"override:{rejected.EventId}", rejected.OccurredAt);
                OverrideResults[rejected.EventId] = rejected.Result;
                break;
            case ReservationBooked booked:
                Reservations[booked.Reservation.ReservationId] = booked.Reservation;
                Remember($"reservation:{booked.EventId}", booked.OccurredAt);
                ReservationResults[booked.EventId] = booked.Result;
                break;
            case ReservationRejected rejected:
                Remember($"reservation:{rejected.EventId}", rejected.OccurredAt);
                ReservationResults[rejected.EventId] = rejected.Result;
                break;
            case ReservationCancelled cancelled:
                EndReservation(cancelled.ReservationId);
                Remember($"reservation:{cancelled.EventId}", cancelled.OccurredAt);
                ReservationResults[cancelled.EventId] = cancelled.Result;
                break;
            case ReservationHeld held:
                var reservation = Reservations[held.ReservationId];
                Reservations[held.ReservationId] = reservation with { SlotId = held.SlotId, Status = ReservationStatus.Held };
                Slots[held.SlotId].HeldFor = held.ReservationId;
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
    }

    private void ApplyEntered(VehicleEntered entered)
    {
        NextTicket++;
        Sessions[entered.SessionId] = new SessionRecord(
            entered.SessionId, entered.Ticket, entered.Plate, entered.CardId, entered.VehicleClass, entered.SlotId, entered.GateId,
            entered.OccurredAt, entered.Subscriber, entered.Flagged, entered.ReservationId);
        var slot = Slots[entered.SlotId];
        slot.SessionId = entered.SessionId;
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
        }

        if (entered.CardId is { } card)
        {
            InsideByCard[card] = InsideByCard.GetValueOrDefault(card) + 1;
        }

        Remember($"entry:{entered.EventId}", entered.OccurredAt);
        EntryResults[entered.EventId] = entered.Decision;
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

        if (PlateNumber.Normalize(session.Plate) is { } plate && SessionByPlate.TryGetValue(plate, out var current) && current == sessionId)
        {
            SessionByPlate.Remove(plate);
            if (Sessions.Values.FirstOrDefault(s => PlateNumber.Normalize(s.Plate) == plate) is { } other)
            {
                SessionByPlate[plate] = other.SessionId;
            }
        }

        if (session.CardId is { } card && InsideByCard.TryGetValue(card, out var count))
        {
            if (count <= 1)
            {
                InsideByCard.Remove(card);
            }
            else
            {
                InsideByCard[card] = count - 1;
            }
        }
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
        if (_index is null)
        {
            return;
        }

        if (Slots[slotId].IsAllocatable)
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

    // Dedup records expire by the lot's own event time, so replay prunes exactly as the live grain did.
    private void Remember(string key, DateTimeOffset at)
    {
        DedupLog.Add(new DedupEntry(key, at));
        if (DedupLog.Count < 1024 || DedupLog[0].At > at - DedupRetention)
        {
            return;
        }

        var cutoff = at - DedupRetention;
        var expired = DedupLog.TakeWhile(e => e.At <= cutoff).ToList();
        DedupLog.RemoveRange(0, expired.Count);
        foreach (var entry in expired)
        {
            var colon = entry.Key.IndexOf(':');
            var id = entry.Key[(colon + 1)..];
            _ = entry.Key[..colon] switch
            {
                "entry" => EntryResults.Remove(id),
                "exit" => ExitResults.Remove(id),
                "payment" => PaymentResults.Remove(id),
                "override" => OverrideResults.Remove(id),
                _ => ReservationResults.Remove(id),
            };
        }
    }
}
