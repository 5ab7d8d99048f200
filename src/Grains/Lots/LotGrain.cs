using ParkingGrains.Domain.Fees;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Cards;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Notifications;
using ParkingGrains.Grains.Interfaces.Sessions;
using ParkingGrains.Grains.Interfaces.Tariffs;
using ParkingGrains.Grains.Interfaces.Validation;
using ParkingGrains.Domain.Layout;
using ParkingGrains.Grains.Lots.Events;
using ParkingGrains.Grains.Notifications;

namespace ParkingGrains.Grains.Lots;

/// <summary>
/// The lot: every decision is taken synchronously on the (tentative) state within one turn, recorded as an
/// event carrying its result, and acknowledged only after the event is durable. The grain is reentrant so that
/// while one batch of decisions is being written the next ones are already decided: a lot handles many gates at
/// memory speed with one durable write per batch, and the turn model still means no slot is ever given twice.
/// </summary>
[Reentrant]
public sealed class LotGrain(
    [JournaledState("lot", SnapshotEvery = LotState.SnapshotEvery)] IJournaledState<LotState, LotEvent> journal,
    LotOptions? options = null,
    TimeProvider? time = null) : Grain, ILotGrain, IRemindable
{
    private const string ReservationReminder = "reservations";

    // Orleans reminders cannot be due later than 0xfffffffe ms (about 49.7 days); the reminder is periodic and the
    // lot catches up by time, so a first tick well before a far reservation costs nothing.
    private static readonly TimeSpan s_maxReminderDue = TimeSpan.FromDays(45);

    // Fees are charged for at most this long a stay: entry times further back exist only in logs of versions before
    // issue 9 (which believed any event time) and would otherwise make a fee computation run for centuries.
    private static readonly TimeSpan s_maxChargedStay = TimeSpan.FromDays(400);
    private readonly LotOptions _options = options ?? new LotOptions();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private LotChangeBatchBuilder _changes = new();
    private bool _publishing;

    // The command being decided now (decisions are synchronous, so a reentrant turn never sees another's values).
    private DateTimeOffset _decidedAt;
    private bool _replayed;

    private LotState S => journal.State;

    private string LotId => this.GetPrimaryKeyString();

    /// <summary>
    /// Events or a snapshot the journal could not read were skipped so the lot still activates; an operator hears of
    /// each once (the alert id is the stream version, so every later activation repeats the same alert, kept once).
    /// </summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (journal is IJournalReplayReport { ReplayProblems.Count: > 0 } report)
        {
            var alerts = GrainFactory.GetGrain<ILotAlertsGrain>(LotId);
            foreach (var problem in report.ReplayProblems.Take(20))
            {
                var text = problem.Version is { } version
                    ? $"Event {version} of the lot's log could not be replayed and was skipped ({problem.Kind}); the lot's state may miss it."
                    : $"The lot's snapshot could not be read ({problem.Kind}); the lot was rebuilt from its log.";
                _ = alerts.Record(new LotAlert(LotId, text, AlertSeverity.Critical, _time.GetUtcNow(), $"replay:{problem.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "snapshot"}"));
            }
        }

        return Task.CompletedTask;
    }

    public Task<ConfigureLotResult> Configure(LotLayout layout, Tariff tariff) => ApplyAsync(layout, tariff);

    public Task<ConfigureLotResult> Create(LotLayout layout, Tariff tariff) =>
        S.Layout is null
            ? ApplyAsync(layout, tariff)
            : Task.FromResult(Refuse(LotConflict.AlreadyConfigured, $"Lot {LotId} already exists."));

    public Task<ConfigureLotResult> Reconfigure(LotLayout layout, Tariff tariff, long expectedRevision)
    {
        // The check and the event are raised in this one turn (ApplyAsync runs synchronously up to its first await),
        // so two admins who read the same revision cannot both succeed: the second sees the first one's revision.
        if (S.Layout is null)
        {
            return Task.FromResult(Refuse(LotConflict.NotConfigured, $"Lot {LotId} is not configured."));
        }

        return S.Revision != expectedRevision
            ? Task.FromResult(Refuse(LotConflict.RevisionChanged, $"Lot {LotId} is at revision {S.Revision}, not {expectedRevision}: it was changed meanwhile."))
            : ApplyAsync(layout, tariff);
    }

    public async Task<RemoveLotResult> Remove(long expectedRevision)
    {
        if (S.Layout is not { } layout)
        {
            return new RemoveLotResult(false, LotConflict.NotConfigured, $"Lot {LotId} is not configured.", S.Revision);
        }

        if (S.Revision != expectedRevision)
        {
            return new RemoveLotResult(false, LotConflict.RevisionChanged, $"Lot {LotId} is at revision {S.Revision}, not {expectedRevision}: it was changed meanwhile.", S.Revision);
        }

        // Removing a lot with vehicles inside would strand their stays (nobody could pay or leave through the lot).
        if (S.Sessions.Count > 0 || S.Reservations.Count > 0)
        {
            return new RemoveLotResult(false, LotConflict.NotEmpty,
                $"Lot {LotId} has {S.Sessions.Count} vehicle(s) inside and {S.Reservations.Count} open reservation(s); it can be removed only when empty.", S.Revision);
        }

        BeginDecision(_time.GetUtcNow());
        Raise(new LotRemoved(_time.GetUtcNow()));
        var revision = S.Revision;
        await journal.ConfirmAsync();
        await GrainFactory.GetGrain<ILotDirectoryGrain>(ILotDirectoryGrain.Key).Unregister(LotId);
        foreach (var gate in layout.Gates)
        {
            await GrainFactory.GetGrain<IGateGrain>(gate.GateId).Unassign(LotId);
        }

        return new RemoveLotResult(true, LotConflict.None, null, revision);
    }

    public Task<LotLayout?> GetLayout() => Task.FromResult(S.Layout);

    public Task<Tariff?> GetTariff() => Task.FromResult(S.Tariff);

    public Task<LotConfiguration?> GetConfiguration() =>
        Task.FromResult(S.Layout is { } layout && S.Tariff is { } tariff ? new LotConfiguration(layout, tariff, S.Revision) : null);

    public async Task<EntryDecision> Enter(EntryCommand command)
    {
        LotCommandRules.Check(command, Bounds()).ThrowIfAny();
        if (S.EntryResults.TryGetValue(command.EventId, out var earlier))
        {
            await journal.ConfirmAsync();
            return earlier;
        }

        CardAuthorization? card = null;
        if (!string.IsNullOrWhiteSpace(command.CardId) && S.Layout is not null)
        {
            card = await GrainFactory.GetGrain<ICardGrain>(command.CardId).Authorize(LotId, command.Time);

            // Another request with the same id may have been decided while we waited for the card.
            if (S.EntryResults.TryGetValue(command.EventId, out earlier))
            {
                await journal.ConfirmAsync();
                return earlier;
            }
        }

        BeginDecision(command.Time);
        var decision = DecideEntry(command, card);
        await journal.ConfirmAsync();
        return decision;
    }

    public Task<ExitDecision> Exit(ExitCommand command) =>
        DecideOnceAsync(LotCommandRules.Check(command, Bounds()), command.EventId, command.Time, S.ExitResults, () => DecideExit(command));

    public Task<PaymentResult> Pay(PaymentCommand command) =>
        DecideOnceAsync(LotCommandRules.Check(command, Bounds()), command.EventId, command.Time, S.PaymentResults, () => DecidePayment(command));

    public Task<PaymentResult> Refund(RefundCommand command) =>
        DecideOnceAsync(LotCommandRules.Check(command, Bounds()), command.EventId, command.Time, S.PaymentResults, () => DecideRefund(command));

    public Task<ExitQuote?> Quote(string sessionIdOrTicketOrPlate, DateTimeOffset at)
    {
        LotCommandRules.CheckLookup("sessionIdOrTicket", sessionIdOrTicketOrPlate).ThrowIfAny();
        var bounds = Bounds();
        var problems = new CommandProblems();
        bounds.Check(problems, at, "at");
        problems.ThrowIfAny();
        var session = FindSession(sessionIdOrTicketOrPlate) ?? FindByPlate(sessionIdOrTicketOrPlate);
        if (session is null || S.Tariff is null)
        {
            return Task.FromResult<ExitQuote?>(null);
        }

        var fee = Fee(session, at, lostTicket: false);
        var due = Math.Max(0, fee.Total.Amount - session.AmountPaid);
        return Task.FromResult<ExitQuote?>(new ExitQuote(session.SessionId, session.Ticket, fee, MoneyOf(session.AmountPaid), MoneyOf(due), session.FreeExitUntil));
    }

    public async Task<ReservationResult> Reserve(ReservationCommand command)
    {
        var result = await DecideOnceAsync(LotCommandRules.Check(command, Bounds()), command.EventId, command.Time, S.ReservationResults, () => DecideReservation(command));
        if (result.Accepted)
        {
            await EnsureReservationReminderAsync();
        }

        return result;
    }

    public Task<ReservationResult> CancelReservation(CancelReservationCommand command) =>
        DecideOnceAsync(LotCommandRules.Check(command, Bounds()), command.EventId, command.Time, S.ReservationResults, () => DecideCancellation(command));

    public Task<OverrideResult> OverrideSlot(SlotOverrideCommand command) =>
        DecideOnceAsync(LotCommandRules.Check(command, Bounds()), command.EventId, command.Time, S.OverrideResults, () => DecideOverride(command));

    public Task<ExitDecision> ForceExit(ForceExitCommand command) =>
        DecideOnceAsync(LotCommandRules.Check(command, Bounds()), command.EventId, command.Time, S.ExitResults, () => DecideForceExit(command));

    public Task<LotStatus> GetStatus()
    {
        var classes = new Dictionary<VehicleClass, ClassCounts>();
        if (S.Layout is { } layout)
        {
            foreach (var group in layout.Slots.GroupBy(s => s.Size))
            {
                var records = group.Select(s => S.Slots[s.SlotId]).ToList();
                classes[group.Key] = new ClassCounts(
                    records.Count,
                    S.Index.FreeCount(group.Key),
                    records.Count(r => r.Status == SlotStatus.Occupied),
                    records.Count(r => r.Status == SlotStatus.Held),
                    records.Count(r => r.Status == SlotStatus.OutOfService));
            }
        }

        return Task.FromResult(new LotStatus(LotId, S.Layout?.Name ?? LotId, S.Layout is not null, classes, S.Sessions.Count, journal.Version));
    }

    public Task<IReadOnlyList<SlotView>> GetSlots() =>
        Task.FromResult<IReadOnlyList<SlotView>>(S.Layout?.Slots.Select(d => ToView(d, S.Slots[d.SlotId])).ToList() ?? []);

    public Task<IReadOnlyList<ActiveSession>> GetActiveSessions(string? plateContains)
    {
        LotCommandRules.CheckLookup("plate", plateContains).ThrowIfAny();
        var filter = PlateNumber.Normalize(plateContains);
        var sessions = S.Sessions.Values
            .Where(s => filter is null || (PlateNumber.Normalize(s.Plate)?.Contains(filter, StringComparison.Ordinal) ?? false))
            .OrderBy(s => s.EntryTime)
            .Select(s => new ActiveSession(s.SessionId, s.Ticket, s.Plate, s.CardId, s.VehicleClass, s.SlotId, s.EntryGateId, s.EntryTime, MoneyOf(s.AmountPaid), s.Subscriber, s.Flagged, s.ReservationId))
            .ToList();
        return Task.FromResult<IReadOnlyList<ActiveSession>>(sessions);
    }

    public Task<IReadOnlyList<ReservationView>> GetReservations() =>
        Task.FromResult<IReadOnlyList<ReservationView>>(S.Reservations.Values.OrderBy(r => r.From).ToList());

    public Task<LaneCache?> GetLaneCache(string gateId)
    {
        LotCommandRules.CheckLookup("gateId", gateId).ThrowIfAny();
        if (S.Layout is not { } layout || S.Tariff is not { } tariff || S.GateById.GetValueOrDefault(gateId) is not { } gate)
        {
            return Task.FromResult<LaneCache?>(null);
        }

        var stays = S.Sessions.Values
            .Select(s => new LaneStay(s.SessionId, s.Ticket, s.Plate, s.CardId, s.VehicleClass, s.EntryTime, s.AmountPaid, s.Subscriber, s.FreeExitUntil))
            .ToList();
        return Task.FromResult<LaneCache?>(new LaneCache(LotId, layout.Name, layout.TimeZoneId, gate.Direction, tariff, S.Index.FreeCounts(),
            layout.Settings.PlateAlreadyInside, [], stays, _time.GetUtcNow()));
    }

    /// <summary>Holds reserved slots when their window starts and releases holds nobody claimed.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReservationReminder)
        {
            return;
        }

        var now = _time.GetUtcNow();
        BeginDecision(now);
        foreach (var reservation in S.Reservations.Values.OrderBy(r => r.From).ToList())
        {
            if (reservation.To <= now)
            {
                RaiseAndPublish(new ReservationExpired(reservation.ReservationId, now));
            }
            else if (reservation.Status == ReservationStatus.Booked && reservation.From <= now)
            {
                var slot = S.Slots.TryGetValue(reservation.SlotId, out var record) && record.IsAllocatable
                    ? reservation.SlotId
                    : S.Index.TryAllocate(reservation.VehicleClass, FirstEntryGate()).SlotId;
                if (slot is not null)
                {
                    RaiseAndPublish(new ReservationHeld(reservation.ReservationId, slot, now));
                }
            }
        }

        await journal.ConfirmAsync();
        if (S.Reservations.Count == 0 && await this.GetReminder(ReservationReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>
    /// Validates and applies a layout and tariff whole. Everything up to the event is synchronous, so callers can check
    /// a precondition first and know it still holds when the event is raised.
    /// </summary>
    private async Task<ConfigureLotResult> ApplyAsync(LotLayout layout, Tariff tariff)
    {
        var problems = new List<LayoutProblem>();
        if (layout.LotId != LotId)
        {
            problems.Add(new LayoutProblem("lotId", "LotIdMismatch", $"The layout is for lot '{layout.LotId}', not '{LotId}'."));
        }

        problems.AddRange(LayoutValidator.Validate(layout).Problems);
        problems.AddRange(tariff.Validate().Select(p => new LayoutProblem("tariff", "InvalidTariff", p)));
        if (!string.Equals(tariff.Currency, layout.Currency, StringComparison.Ordinal))
        {
            problems.Add(new LayoutProblem("tariff.currency", "CurrencyMismatch", $"The tariff charges {tariff.Currency} but the lot uses {layout.Currency}."));
        }

        var kept = (layout.Slots ?? []).Select(s => s?.SlotId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var session in S.Sessions.Values.Where(s => !kept.Contains(s.SlotId)))
        {
            problems.Add(new LayoutProblem($"slots[{session.SlotId}]", "SlotInUse", $"Slot {session.SlotId} holds session {session.SessionId}; it cannot be removed."));
        }

        if (problems.Count > 0)
        {
            return new ConfigureLotResult(false, problems, S.Revision);
        }

        var previousGates = S.Layout?.Gates ?? [];
        BeginDecision(_time.GetUtcNow());
        Raise(new LotConfigured(layout, tariff, _time.GetUtcNow()));
        var revision = S.Revision;
        await journal.ConfirmAsync();
        await GrainFactory.GetGrain<ILotDirectoryGrain>(ILotDirectoryGrain.Key).Register(new LotSummary(LotId, layout.Name, layout.TimeZoneId, layout.Currency));
        foreach (var gate in layout.Gates)
        {
            await GrainFactory.GetGrain<IGateGrain>(gate.GateId).Assign(new GateAssignment(LotId, gate));
        }

        // A gate dropped from the layout must stop passing entries to this lot.
        foreach (var gate in previousGates.Where(old => layout.Gates.All(g => g.GateId != old.GateId)))
        {
            await GrainFactory.GetGrain<IGateGrain>(gate.GateId).Unassign(LotId);
        }

        return new ConfigureLotResult(true, [], revision);
    }

    private ConfigureLotResult Refuse(LotConflict conflict, string text) => new(false, [], S.Revision, conflict, text);

    private EntryDecision DecideEntry(EntryCommand command, CardAuthorization? card)
    {
        if (S.Layout is not { } layout)
        {
            return DenyEntry(command, DenialReason.LotNotConfigured, "The lot has no layout yet.");
        }

        var gate = S.GateById.GetValueOrDefault(command.GateId);
        if (gate is null)
        {
            return DenyEntry(command, DenialReason.UnknownGate, $"Gate {command.GateId} is not a gate of lot {LotId}.");
        }

        if (gate.Direction == GateDirection.Out)
        {
            return DenyEntry(command, DenialReason.WrongGateDirection, $"Gate {command.GateId} is an exit.");
        }

        var plate = PlateNumber.Normalize(command.Plate);
        if (plate is null && string.IsNullOrWhiteSpace(command.CardId))
        {
            return DenyEntry(command, DenialReason.MissingIdentity, "Neither a plate nor a card was read.");
        }

        if (card is { Valid: false })
        {
            return DenyEntry(command, card.Reason ?? DenialReason.CardUnknown, card.ReasonText ?? "The card is not valid.");
        }

        var flagged = false;
        if (plate is not null && S.SessionByPlate.ContainsKey(plate))
        {
            if (layout.Settings.PlateAlreadyInside == PlateInsidePolicy.Deny)
            {
                return DenyEntry(command, DenialReason.PlateAlreadyInside, $"Plate {command.Plate} is already inside.");
            }

            flagged = true;
        }

        var subscriber = card is { Kind: CardKind.Subscriber };
        if (subscriber && S.InsideByCard.GetValueOrDefault(command.CardId!) >= card!.Quota)
        {
            return DenyEntry(command, DenialReason.SubscriberQuotaReached, $"Card {command.CardId} already has {card.Quota} vehicle(s) inside.");
        }

        var reservation = FindReservationFor(plate, command.CardId, command.Time);
        string? slotId = null;
        if (reservation is not null && S.Slots.TryGetValue(reservation.SlotId, out var reserved)
            && reserved.SessionId is null && reserved.Override is SlotOverride.Automatic or SlotOverride.Free
            && (reserved.HeldFor is null || reserved.HeldFor == reservation.ReservationId))
        {
            slotId = reservation.SlotId;
            S.Index.MarkUnavailable(slotId);
        }
        else
        {
            var allocation = S.Index.TryAllocate(command.VehicleClass, command.GateId);
            if (!allocation.Success)
            {
                return DenyEntry(command, DenialReason.ClassFull, $"No free {command.VehicleClass} slot ({allocation.Failure}).");
            }

            slotId = allocation.SlotId!;
        }

        S.Index.TryGetDefinition(slotId, out var definition);
        var floor = layout.Floors.FirstOrDefault(f => f.FloorId == definition!.FloorId);
        var ticket = $"T{S.NextTicket:D6}";
        var sessionId = SessionIds.Create(LotId, ticket);
        var distance = definition!.GateDistances.TryGetValue(command.GateId, out var metres) ? $", about {metres:0} m from this gate" : "";
        var assignment = new SlotAssignment(slotId, definition.FloorId, floor?.Name ?? definition.FloorId, definition.Number, definition.Size,
            $"Go to {floor?.Name ?? definition.FloorId}, slot {definition.Number}{distance}.");
        var decision = new EntryDecision(command.EventId, true, null, flagged ? "Plate already inside: flagged for review." : null,
            sessionId, ticket, assignment, flagged, S.Index.FreeCounts(), _replayed);
        RaiseAndPublish(new VehicleEntered(command.EventId, sessionId, ticket, command.GateId, command.Plate, command.CardId, command.VehicleClass,
            slotId, subscriber, flagged, reservation?.ReservationId, decision, command.Time));
        return decision;
    }

    private EntryDecision DenyEntry(EntryCommand command, DenialReason reason, string text)
    {
        var decision = new EntryDecision(command.EventId, false, reason, text, null, null, null, false, S.Layout is null ? new Dictionary<VehicleClass, int>() : S.Index.FreeCounts(), _replayed);
        Raise(new EntryDenied(command.EventId, command.GateId, command.Plate, command.CardId, command.VehicleClass, reason, decision, command.Time));
        return decision;
    }

    private ExitDecision DecideExit(ExitCommand command)
    {
        if (S.Layout is not { } layout)
        {
            return DenyExit(command.EventId, null, command.GateId, DenialReason.LotNotConfigured, "The lot has no layout yet.", command.Time);
        }

        var gate = S.GateById.GetValueOrDefault(command.GateId);
        if (gate is null || gate.Direction == GateDirection.In)
        {
            return DenyExit(command.EventId, null, command.GateId, gate is null ? DenialReason.UnknownGate : DenialReason.WrongGateDirection,
                gate is null ? $"Gate {command.GateId} is not a gate of lot {LotId}." : $"Gate {command.GateId} is an entry.", command.Time);
        }

        var session = (command.Ticket is { Length: > 0 } ticket ? FindSession(ticket) : null)
            ?? (command.CardId is { Length: > 0 } card && S.InsideByCard.ContainsKey(card) ? S.Sessions.Values.Where(s => s.CardId == card).OrderBy(s => s.EntryTime).FirstOrDefault() : null)
            ?? FindByPlate(command.Plate);
        if (session is null)
        {
            return DenyExit(command.EventId, null, command.GateId, DenialReason.SessionNotFound, "No open stay matches this ticket, card or plate.", command.Time);
        }

        var fee = Fee(session, command.Time, command.LostTicket);
        var paidUp = !command.LostTicket && session.FreeExitUntil is { } until && command.Time <= until;
        var due = paidUp ? 0 : Math.Max(0, fee.Total.Amount - session.AmountPaid);
        if (due > 0)
        {
            var denied = new ExitDecision(command.EventId, false, DenialReason.PaymentRequired, $"{MoneyOf(due)} to pay.", session.SessionId, fee, MoneyOf(due), MoneyOf(session.AmountPaid), S.Index.FreeCounts(), _replayed);
            Raise(new ExitDenied(command.EventId, session.SessionId, command.GateId, DenialReason.PaymentRequired, denied, command.Time));
            return denied;
        }

        var decision = new ExitDecision(command.EventId, true, null, null, session.SessionId, fee, MoneyOf(0), MoneyOf(session.AmountPaid), FreeCountsAfter(session.SlotId), _replayed);
        RaiseAndPublish(new VehicleExited(command.EventId, session.SessionId, command.GateId, session.SlotId, session.VehicleClass,
            paidUp ? MoneyOf(session.AmountPaid) : fee.Total, MoneyOf(session.AmountPaid), command.LostTicket, decision, command.Time));
        return decision;
    }

    private ExitDecision DecideForceExit(ForceExitCommand command)
    {
        if (!S.Sessions.TryGetValue(command.SessionId, out var session))
        {
            return DenyExit(command.EventId, null, "", DenialReason.SessionNotFound, $"No open session {command.SessionId}.", command.Time);
        }

        var decision = new ExitDecision(command.EventId, true, null, null, session.SessionId, null, MoneyOf(0), MoneyOf(session.AmountPaid), FreeCountsAfter(session.SlotId), _replayed);
        RaiseAndPublish(new SessionForceClosed(command.EventId, session.SessionId, session.SlotId, session.VehicleClass, command.Operator, command.Reason, decision, command.Time));
        return decision;
    }

    private ReservationResult DecideCancellation(CancelReservationCommand command)
    {
        if (!S.Reservations.TryGetValue(command.ReservationId, out var reservation) || reservation.HolderId != command.HolderId)
        {
            var rejected = new ReservationResult(command.EventId, false, DenialReason.ReservationNotFound, $"No open reservation {command.ReservationId} for this holder.", command.ReservationId, null, null);
            Raise(new ReservationRejected(command.EventId, DenialReason.ReservationNotFound, rejected, command.Time));
            return rejected;
        }

        var result = new ReservationResult(command.EventId, true, null, null, reservation.ReservationId, reservation.SlotId, ReservationStatus.Cancelled);
        Raise(new ReservationCancelled(command.EventId, reservation.ReservationId, result, command.Time));
        return result;
    }

    /// <summary>
    /// The path every command takes: a repeated command id gets its recorded result, a new one is decided now
    /// (synchronously, on the tentative state); either way the answer goes out only once it is durable.
    /// </summary>
    private async Task<TResult> DecideOnceAsync<TResult>(CommandProblems problems, string eventId, DateTimeOffset time, Dictionary<string, TResult> results, Func<TResult> decide)
    {
        // Refused input changes nothing: no event, no slot, no reminder.
        problems.ThrowIfAny();
        if (!results.TryGetValue(eventId, out var result))
        {
            BeginDecision(time);
            result = decide();
        }

        await journal.ConfirmAsync();
        return result;
    }

    private ExitDecision DenyExit(string eventId, string? sessionId, string gateId, DenialReason reason, string text, DateTimeOffset at)
    {
        var decision = new ExitDecision(eventId, false, reason, text, sessionId, null, MoneyOf(0), MoneyOf(0), S.Layout is null ? new Dictionary<VehicleClass, int>() : S.Index.FreeCounts(), _replayed);
        Raise(new ExitDenied(eventId, sessionId, gateId, reason, decision, at));
        return decision;
    }

    private PaymentResult DecidePayment(PaymentCommand command)
    {
        var session = FindSession(command.SessionIdOrTicket);
        DenialReason? reason = null;
        string? text = null;
        if (session is null || S.Tariff is null)
        {
            (reason, text) = (DenialReason.SessionNotFound, $"No open stay {command.SessionIdOrTicket}.");
        }
        else if (!string.Equals(command.Amount.Currency, S.Tariff.Currency, StringComparison.Ordinal))
        {
            (reason, text) = (DenialReason.CurrencyMismatch, $"This lot takes {S.Tariff.Currency}, not {command.Amount.Currency}.");
        }

        if (reason is { } denial)
        {
            var rejected = new PaymentResult(command.EventId, false, denial, text, session?.SessionId, MoneyOf(session?.AmountPaid ?? 0), MoneyOf(0), null);
            Raise(new PaymentRejected(command.EventId, denial, rejected, command.Time));
            return rejected;
        }

        var fee = Fee(session!, command.Time, lostTicket: false);
        var dueBefore = session!.FreeExitUntil is { } until && command.Time <= until ? 0 : Math.Max(0, fee.Total.Amount - session.AmountPaid);
        var overpaid = Math.Max(0, command.Amount.Amount - dueBefore);
        if (overpaid > 0 && !command.Overpayment)
        {
            // Refused before anything is recorded: the caller may send it again (same eventId) with the flag set.
            throw new InvalidCommandException("amount", "The amount is more than is due for this stay; set overpayment to pay more on purpose.");
        }

        var paid = session.AmountPaid + command.Amount.Amount;
        var freeUntil = paid >= fee.Total.Amount ? command.Time + _options.PaidExitGrace : (DateTimeOffset?)null;
        var result = new PaymentResult(command.EventId, true, null, null, session.SessionId, MoneyOf(paid), MoneyOf(Math.Max(0, fee.Total.Amount - paid)), freeUntil, session.VehicleClass, overpaid > 0);
        Raise(new PaymentRecorded(command.EventId, session.SessionId, session.VehicleClass, command.Amount, command.Method, command.Reference, freeUntil, result, command.Time)
        {
            Overpayment = overpaid > 0,
            Overpaid = overpaid,
        });
        return result;
    }

    private PaymentResult DecideRefund(RefundCommand command)
    {
        var session = S.Sessions.GetValueOrDefault(command.SessionId);
        DenialReason? reason = null;
        string? text = null;
        if (S.Tariff is null || !string.Equals(command.Amount.Currency, S.Tariff.Currency, StringComparison.Ordinal))
        {
            (reason, text) = (DenialReason.CurrencyMismatch, $"This lot takes {S.Tariff?.Currency ?? "nothing yet"}, not {command.Amount.Currency}.");
        }
        else if (string.IsNullOrWhiteSpace(command.Reason) || string.IsNullOrWhiteSpace(command.PaymentEventId))
        {
            (reason, text) = (DenialReason.InvalidCommand, "A refund names the payment it returns and why.");
        }

        if (reason is { } denial)
        {
            var rejected = new PaymentResult(command.EventId, false, denial, text, command.SessionId, MoneyOf(session?.AmountPaid ?? 0), MoneyOf(0), null);
            Raise(new PaymentRejected(command.EventId, denial, rejected, command.Time));
            return rejected;
        }

        // Never more back than was paid: while the stay is open the lot knows how much that is (a payment grain refunds
        // its own amount only, so an ended stay is bounded there).
        if (session is not null && command.Amount.Amount > session.AmountPaid)
        {
            throw new InvalidCommandException("amount", "A refund cannot be more than was paid for the stay.");
        }

        // A stay that has ended is not reopened: the refund only comes off revenue.
        var paid = Math.Max(0, (session?.AmountPaid ?? 0) - command.Amount.Amount);
        var due = session is null ? 0 : Math.Max(0, Fee(session, command.Time, lostTicket: false).Total.Amount - paid);
        var vehicleClass = session?.VehicleClass ?? command.VehicleClass;
        var result = new PaymentResult(command.EventId, true, null, null, command.SessionId, MoneyOf(paid), MoneyOf(due), null, vehicleClass);
        Raise(new RefundRecorded(command.EventId, command.PaymentEventId, command.SessionId, vehicleClass, command.Amount, command.Method, command.Reason, result, command.Time));
        return result;
    }

    private ReservationResult DecideReservation(ReservationCommand command)
    {
        ReservationResult Reject(DenialReason reason, string text)
        {
            var rejected = new ReservationResult(command.EventId, false, reason, text, null, null, null);
            Raise(new ReservationRejected(command.EventId, reason, rejected, command.Time));
            return rejected;
        }

        if (S.Layout is not { } layout)
        {
            return Reject(DenialReason.LotNotConfigured, "The lot has no layout yet.");
        }

        bool Overlaps(string slotId) => S.Reservations.Values.Any(r => r.SlotId == slotId && r.From < command.To && command.From < r.To);
        string? slot;
        if (command.SlotId is { } wanted)
        {
            if (!S.Index.TryGetDefinition(wanted, out var definition) || definition.Size < command.VehicleClass)
            {
                return Reject(DenialReason.UnknownSlot, $"Slot {wanted} does not exist or is too small for a {command.VehicleClass}.");
            }

            if (Overlaps(wanted))
            {
                return Reject(DenialReason.ReservationOverlaps, $"Slot {wanted} is already reserved in that window.");
            }

            slot = wanted;
        }
        else
        {
            // Plain bays first; accessible and EV bays only when asked for (then only those) or when no plain one is free.
            var wantsFeature = command.Accessible || command.Ev;
            slot = layout.Slots
                .Where(s => s.Size == command.VehicleClass && S.Slots[s.SlotId].Override != SlotOverride.OutOfService)
                .Where(s => (!command.Accessible || s.Accessible) && (!command.Ev || s.Ev))
                .OrderBy(s => wantsFeature || !(s.Accessible || s.Ev) ? 0 : 1)
                .ThenBy(s => s.SlotId, StringComparer.Ordinal)
                .Select(s => s.SlotId)
                .FirstOrDefault(id => !Overlaps(id));
            if (slot is null)
            {
                return Reject(DenialReason.ClassFull, $"Every {command.VehicleClass} slot is reserved in that window.");
            }
        }

        var reservation = new ReservationView($"R-{command.EventId}", command.HolderId, command.Plate, command.CardId, command.VehicleClass, slot, command.From, command.To, ReservationStatus.Booked);
        var result = new ReservationResult(command.EventId, true, null, null, reservation.ReservationId, slot, ReservationStatus.Booked);
        Raise(new ReservationBooked(command.EventId, reservation, result, command.Time));
        return result;
    }

    private OverrideResult DecideOverride(SlotOverrideCommand command)
    {
        OverrideResult Reject(DenialReason reason, string text)
        {
            var rejected = new OverrideResult(command.EventId, false, reason, text, null);
            Raise(new SlotOverrideRejected(command.EventId, reason, rejected, command.Time));
            return rejected;
        }

        if (S.Layout is null || !S.Index.TryGetDefinition(command.SlotId, out var definition))
        {
            return Reject(DenialReason.UnknownSlot, $"Slot {command.SlotId} does not exist.");
        }

        if (string.IsNullOrWhiteSpace(command.Reason) || string.IsNullOrWhiteSpace(command.Operator))
        {
            return Reject(DenialReason.InvalidCommand, "An override needs the operator and a reason.");
        }

        var record = S.Slots[command.SlotId];
        if (command.Override == SlotOverride.Free && record.SessionId is not null)
        {
            return Reject(DenialReason.SlotOccupied, $"Slot {command.SlotId} holds session {record.SessionId}; force-exit it first.");
        }

        var after = new SlotRecord
        {
            SessionId = record.SessionId,
            HeldFor = record.HeldFor,
            Override = command.Override,
            OverrideReason = command.Override == SlotOverride.Automatic ? null : command.Reason,
        };
        var result = new OverrideResult(command.EventId, true, null, null, ToView(definition, after));
        RaiseAndPublish(new SlotOverridden(command.EventId, command.SlotId, command.Override, command.Reason, command.Operator, result, command.Time));
        return result;
    }

    private ReservationView? FindReservationFor(string? plate, string? cardId, DateTimeOffset at) =>
        S.Reservations.Values
            .Where(r => at >= Minus(r.From, _options.EarlyArrival) && at < r.To)
            .Where(r => (plate is not null && PlateNumber.Normalize(r.Plate) == plate) || (!string.IsNullOrWhiteSpace(cardId) && r.CardId == cardId))
            .OrderBy(r => r.From)
            .FirstOrDefault();

    // Registered again after every booking, so a new reservation earlier than the others moves the first tick forward.
    private async Task EnsureReservationReminderAsync()
    {
        var now = _time.GetUtcNow();
        var next = S.Reservations.Values.Select(r => r.Status == ReservationStatus.Booked ? r.From : r.To).DefaultIfEmpty(now).Min();
        var due = next - now;
        await this.RegisterOrUpdateReminder(ReservationReminder, due < TimeSpan.Zero ? TimeSpan.Zero : due > s_maxReminderDue ? s_maxReminderDue : due, _options.ReservationCheckPeriod);
    }

    private FeeQuote Fee(SessionRecord session, DateTimeOffset exit, bool lostTicket)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(S.Layout!.TimeZoneId);

        // An exit before the entry is a stay of no length, computed at the exit (an entry time far ahead exists only in
        // logs of versions before issue 9, and date arithmetic near year 9999 would overflow).
        var at = exit;
        var entry = session.EntryTime > exit ? exit : exit - session.EntryTime > s_maxChargedStay ? exit - s_maxChargedStay : session.EntryTime;
        return FeeCalculator.Calculate(S.Tariff!, session.VehicleClass, entry, at, zone, new FeeOptions(lostTicket, session.Subscriber));
    }

    private SessionRecord? FindSession(string sessionIdOrTicket) =>
        S.Sessions.GetValueOrDefault(sessionIdOrTicket) ?? S.Sessions.GetValueOrDefault(SessionIds.Create(LotId, sessionIdOrTicket));

    private SessionRecord? FindByPlate(string? plate) =>
        PlateNumber.Normalize(plate) is { } normalized && S.SessionByPlate.TryGetValue(normalized, out var id) ? S.Sessions[id] : null;

    private VehicleClassCounts FreeCountsAfter(string releasedSlotId)
    {
        var counts = S.Index.FreeCounts();
        var record = S.Slots[releasedSlotId];
        return record.HeldFor is null && record.Override is SlotOverride.Automatic or SlotOverride.Free && S.Index.TryGetDefinition(releasedSlotId, out var definition)
            ? counts.Add(definition.Size, 1)
            : counts;
    }

    private string FirstEntryGate() => S.Layout!.Gates.First(g => g.Direction != GateDirection.Out).GateId;

    private Money MoneyOf(decimal amount) => new(amount, S.Tariff?.Currency ?? S.Layout?.Currency ?? "");

    private static SlotView ToView(SlotDefinition definition, SlotRecord record) =>
        new(definition.SlotId, definition.FloorId, definition.Number, definition.Size, definition.Ev, definition.Accessible,
            record.Status, record.SessionId, record.Override, record.OverrideReason, record.HeldFor);

    // Raises the event and, once it is durable, pushes the live change to the lot's web hosts. The push is one-way
    // and happens after the decision's own confirmation, so dashboards never slow a gate or see an unconfirmed slot.
    private void RaiseAndPublish(LotEvent @event)
    {
        Raise(@event);
        if (LotChangeFeed.Describe(LotId, @event, S) is { } push)
        {
            push(_changes);
            if (!_publishing)
            {
                _publishing = true;
                _ = PublishLoopAsync();
            }
        }
    }

    // Live changes go out once per confirmed batch, in one one-way call, never holding up a decision
    // (the GPSTracker pattern: batched pushes).
    private async Task PublishLoopAsync()
    {
        try
        {
            while (!_changes.IsEmpty)
            {
                var batch = _changes.Build();
                _changes = new LotChangeBatchBuilder();
                try
                {
                    await journal.ConfirmAsync();
                }
                catch (Exception)
                {
                    return; // not durable: those decisions failed (their callers hear why); there is nothing to show
                }

                _ = GrainFactory.GetGrain<ILotEventsGrain>(LotId).PublishBatch(batch);
            }
        }
        finally
        {
            _publishing = false;
        }
    }

    private TimeBounds Bounds() => _options.Bounds(_time.GetUtcNow());

    // Called synchronously right before a decision: the server time it is recorded at, and whether the command's own
    // time says it is being replayed by a gate that was offline.
    private void BeginDecision(DateTimeOffset commandTime)
    {
        var now = _time.GetUtcNow();
        _decidedAt = now;
        _replayed = _options.Bounds(now).IsReplayed(commandTime);
    }

    private void Raise(LotEvent @event) => journal.Raise(@event with { RecordedAt = _decidedAt, Replayed = _replayed });

    private static DateTimeOffset Minus(DateTimeOffset time, TimeSpan span) =>
        time - DateTimeOffset.MinValue > span ? time - span : DateTimeOffset.MinValue;
}
