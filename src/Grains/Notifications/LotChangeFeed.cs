using ParkingGrains.Grains.Interfaces.Notifications;
using ParkingGrains.Grains.Lots;
using ParkingGrains.Grains.Lots.Events;

namespace ParkingGrains.Grains.Notifications;

/// <summary>
/// Turns a lot event into the live changes it causes. Called right after the event is raised (in the same turn,
/// so the state is exactly the one the event produced); the returned push adds to the batch sent once the event is durable.
/// </summary>
internal static class LotChangeFeed
{
    /// <summary>The push for this event, or null when dashboards need not hear about it (denials, payments...).</summary>
    public static Action<LotChangeBatchBuilder>? Describe(string lotId, LotEvent @event, LotState state)
    {
        var at = @event.OccurredAt;
        switch (@event)
        {
            case VehicleEntered e:
            {
                var slot = Slot(lotId, e.SlotId, state, at);
                var counts = Counts(lotId, state, at);
                var started = new SessionStarted(lotId, e.SessionId, e.Ticket, e.Plate, e.VehicleClass, e.SlotId, e.GateId, e.Flagged, at);
                var alert = e.Flagged ? new LotAlert(lotId, $"Plate {e.Plate} entered at {e.GateId} while already inside (session {e.SessionId}).", AlertSeverity.Warning, at, $"flagged:{e.EventId}") : null;
                return events =>
                {
                    events.PublishSlotChanged(slot);
                    events.PublishSessionStarted(started);
                    events.PublishCounts(counts);
                    if (alert is not null)
                    {
                        events.PublishAlert(alert);
                    }
                };
            }

            case VehicleExited e:
                return Ended(lotId, e.SlotId, new SessionEnded(lotId, e.SessionId, e.SlotId, e.GateId, false, at), state, at);
            case SessionForceClosed e:
            {
                var alert = new LotAlert(lotId, $"{e.Operator} force-closed session {e.SessionId} (slot {e.SlotId}): {e.Reason}", AlertSeverity.Info, at, $"force-exit:{e.EventId}");
                var ended = Ended(lotId, e.SlotId, new SessionEnded(lotId, e.SessionId, e.SlotId, null, true, at), state, at);
                return events =>
                {
                    ended(events);
                    events.PublishAlert(alert);
                };
            }

            case SlotOverridden e:
                return SlotAndCounts(lotId, e.SlotId, state, at);
            case ReservationHeld e:
                return SlotAndCounts(lotId, e.SlotId, state, at);
            case ReservationExpired:
            {
                // The released slot is no longer named in the state; the counts still tell the dashboards.
                var counts = Counts(lotId, state, at);
                return events => events.PublishCounts(counts);
            }

            default:
                return null;
        }
    }

    private static Action<LotChangeBatchBuilder> Ended(string lotId, string slotId, SessionEnded ended, LotState state, DateTimeOffset at)
    {
        var slotAndCounts = SlotAndCounts(lotId, slotId, state, at);
        return events =>
        {
            slotAndCounts(events);
            events.PublishSessionEnded(ended);
        };
    }

    private static Action<LotChangeBatchBuilder> SlotAndCounts(string lotId, string slotId, LotState state, DateTimeOffset at)
    {
        var slot = Slot(lotId, slotId, state, at);
        var counts = Counts(lotId, state, at);
        return events =>
        {
            events.PublishSlotChanged(slot);
            events.PublishCounts(counts);
        };
    }

    private static SlotChanged Slot(string lotId, string slotId, LotState state, DateTimeOffset at)
    {
        var record = state.Slots[slotId];
        return new SlotChanged(lotId, slotId, record.Status, record.SessionId, at);
    }

    // FreeCounts is an immutable copy: the index keeps changing after this turn.
    private static LotCountsChanged Counts(string lotId, LotState state, DateTimeOffset at) =>
        new(lotId, state.Index.FreeCounts(), at);
}
