using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ParkingGrains.GateAgent.Cluster;
using ParkingGrains.GateAgent.Journal;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Validation;

namespace ParkingGrains.GateAgent.Lane;

/// <summary>
/// One lane's decisions. Each vehicle gets an event id; the cluster decides it when it answers within
/// <see cref="LaneOptions.ClusterTimeout"/>, otherwise the lane decides from its cache (<see cref="OfflineDecider"/>) and
/// writes the event to its outbox, durably, before the barrier opens. <see cref="RunAsync"/> keeps the link: heartbeats
/// with the measured round trip, cache refreshes, operator commands, and the outbox replayed in order when the cluster
/// is back (the cluster deduplicates by event id; a different answer becomes an operator alert, never a second charge).
/// </summary>
public sealed class LaneController(LaneOptions options, ClusterLink link, GateCommandInbox inbox, LaneJournal journal, TimeProvider time, ILogger<LaneController> logger)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
    private readonly HashSet<string> _applied = [];
    private LaneCache? _cache = LoadCache(journal, logger);
    private DateTimeOffset? _lastHeartbeat;
    private DateTimeOffset _lastCacheRefresh = DateTimeOffset.MinValue;

    /// <summary>A decision was made (the lane UI and the barrier driver listen).</summary>
    public event Action<LaneDecision>? Decided;

    /// <summary>An operator command to apply; the handler returns the barrier state reached, which is acknowledged.</summary>
    public Func<PendingGateCommand, Task<BarrierState>>? ApplyCommand { get; set; }

    /// <summary>The barrier as the lane sees it, reported with each heartbeat.</summary>
    public Func<BarrierState>? ReportBarrier { get; set; }

    public LaneCache? Cache => _cache;

    public LaneStatus Status => new(options.GateId, _cache?.LotId, link.Connected, link.LastRoundTripMilliseconds, journal.OutboxLength, _cache?.TakenAt, _lastHeartbeat);

    public async Task<LaneDecision> EnterAsync(string? plate, string? cardId, VehicleClass? vehicleClass, CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        var command = new EntryCommand(NewEventId(), options.GateId, plate, cardId, vehicleClass ?? options.DefaultVehicleClass, time.GetUtcNow());
        LaneDecision decision;
        try
        {
            var answer = await link.CallAsync(g => g.Enter(command), options.ClusterTimeout, cancellation, failFast: true);
            Remember(answer.FreeCounts);
            decision = new LaneDecision(command.EventId, LaneEventKind.Entry, answer.Allowed, false, answer.Reason,
                answer.Allowed ? answer.Slot?.Directions ?? "Welcome." : answer.ReasonText ?? "Entry refused.", plate, answer.SessionId, answer.Ticket,
                answer.Slot is { } slot ? $"{slot.FloorName} {slot.Number}" : null, null, null, command.Time, Elapsed(started));
        }
        catch (InvalidCommandException refused)
        {
            decision = Refused(command.EventId, LaneEventKind.Entry, plate, refused, command.Time, started);
        }
        catch (ClusterUnavailableException)
        {
            var (open, reason, message) = OfflineDecider.DecideEntry(_cache, journal.Pending(), command, options.OfflineCapacityMargin);
            if (open)
            {
                // Durable before the barrier moves: a crash after opening must not lose the entry.
                journal.Enqueue(command.EventId, OutboxKind.Entry, OutboxCommands.Write(command), "entry allowed offline", command.Time);
            }

            decision = new LaneDecision(command.EventId, LaneEventKind.Entry, open, true, reason, message, plate, null, null, null, null, null, command.Time, Elapsed(started));
        }

        Decided?.Invoke(decision);
        return decision;
    }

    public async Task<LaneDecision> ExitAsync(string? plate, string? cardId, string? ticket, CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        var command = new ExitCommand(NewEventId(), options.GateId, plate, cardId, ticket, time.GetUtcNow());
        LaneDecision decision;
        try
        {
            var answer = await link.CallAsync(g => g.Exit(command), options.ClusterTimeout, cancellation, failFast: true);
            Remember(answer.FreeCounts);
            decision = new LaneDecision(command.EventId, LaneEventKind.Exit, answer.Open, false, answer.Reason,
                answer.Open ? "Goodbye." : answer.ReasonText ?? "Exit refused.", plate, answer.SessionId, null, null, answer.AmountDue, answer.Fee, command.Time, Elapsed(started));
        }
        catch (InvalidCommandException refused)
        {
            decision = Refused(command.EventId, LaneEventKind.Exit, plate, refused, command.Time, started);
        }
        catch (ClusterUnavailableException)
        {
            decision = DecideExitOffline(command, payment: null, started);
        }

        Decided?.Invoke(decision);
        return decision;
    }

    /// <summary>
    /// The driver paid what <paramref name="unpaid"/> said was due (lane terminal or VietQR): the payment is recorded and
    /// the exit is asked again as a new event; offline, both wait in the outbox and the barrier opens.
    /// </summary>
    public async Task<LaneDecision> PayAndExitAsync(LaneDecision unpaid, PaymentMethod method, string? reference, CancellationToken cancellation)
    {
        if (unpaid is not { Kind: LaneEventKind.Exit, SessionId: { } sessionId, AmountDue: { Amount: > 0 } due })
        {
            throw new InvalidOperationException("Only an exit with something due can be paid.");
        }

        var started = Stopwatch.GetTimestamp();
        var payment = new PaymentCommand($"{unpaid.EventId}-p", sessionId, due, method, time.GetUtcNow(), reference);
        var exit = new ExitCommand($"{unpaid.EventId}-x", options.GateId, unpaid.Plate, null, null, payment.Time);
        LaneDecision decision;
        try
        {
            if (!unpaid.Offline)
            {
                var paid = await link.CallAsync(g => g.Pay(payment), options.ClusterTimeout, cancellation, failFast: true);
                if (!paid.Accepted)
                {
                    decision = new LaneDecision(exit.EventId, LaneEventKind.Exit, false, false, paid.Reason, paid.ReasonText ?? "Payment refused.", unpaid.Plate, sessionId, null, null, due, unpaid.Fee, payment.Time, Elapsed(started));
                    Decided?.Invoke(decision);
                    return decision;
                }

                var answer = await link.CallAsync(g => g.Exit(exit with { Ticket = sessionId }), options.ClusterTimeout, cancellation);
                decision = new LaneDecision(exit.EventId, LaneEventKind.Exit, answer.Open, false, answer.Reason, answer.Open ? "Paid. Goodbye." : answer.ReasonText ?? "Exit refused.",
                    unpaid.Plate, sessionId, null, null, answer.AmountDue, answer.Fee, exit.Time, Elapsed(started));
                Decided?.Invoke(decision);
                return decision;
            }
        }
        catch (ClusterUnavailableException)
        {
            // Fall through: the lane takes the payment and lets the car out on its own.
        }

        decision = DecideExitOffline(exit with { Ticket = sessionId }, payment, started);
        Decided?.Invoke(decision);
        return decision;
    }

    /// <summary>Keeps the link until <paramref name="cancellation"/>: connect, heartbeat, refresh the cache, apply commands, replay the outbox.</summary>
    public async Task RunAsync(CancellationToken cancellation)
    {
        var commands = ApplyCommandsAsync(cancellation);
        while (!cancellation.IsCancellationRequested)
        {
            try
            {
                await link.RebuildIfStaleAsync();
                using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
                {
                    attempt.CancelAfter(TimeSpan.FromSeconds(5));
                    await link.ConnectAsync(attempt.Token);
                }

                await HeartbeatAsync(cancellation);
                await ReplayOutboxAsync(cancellation);
                if (journal.OutboxLength == 0 && time.GetUtcNow() - _lastCacheRefresh >= options.CacheRefreshInterval)
                {
                    await RefreshCacheAsync(cancellation);
                }
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                // The connection attempt timed out: the lane goes on offline and tries again.
            }
            catch (ClusterUnavailableException)
            {
            }
            catch (UnauthorizedGateAgentException exception)
            {
                logger.LogError("The cluster refused this lane's key for gate {GateId}: {Message}", options.GateId, exception.Message);
            }

            try
            {
                await Task.Delay(options.HeartbeatInterval, time, cancellation);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await commands;
    }

    /// <summary>Replays the outbox in order until it is empty or the cluster stops answering.</summary>
    public async Task ReplayOutboxAsync(CancellationToken cancellation)
    {
        foreach (var item in journal.Pending())
        {
            var (outcome, conflict, retry) = await ReplayAsync(item, cancellation);
            if (retry)
            {
                journal.CountAttempt(item);
                continue;
            }

            if (conflict)
            {
                await ReportConflictAsync(item, outcome, cancellation);
            }

            journal.Complete(item, outcome, conflict, time.GetUtcNow());
            logger.LogInformation("Replayed {Kind} {EventId}: {Outcome}", item.Kind, item.EventId, outcome);
        }
    }

    public async Task RefreshCacheAsync(CancellationToken cancellation)
    {
        var cache = await link.CallAsync(g => g.GetLaneCache(), TimeSpan.FromSeconds(5), cancellation);
        _lastCacheRefresh = time.GetUtcNow();
        if (cache is not null)
        {
            _cache = cache;
            journal.SaveCache(JsonSerializer.Serialize(cache, s_json), cache.TakenAt);
        }
    }

    private async Task HeartbeatAsync(CancellationToken cancellation)
    {
        var heartbeat = new GateHeartbeat(options.AgentId, time.GetUtcNow(), link.LastRoundTripMilliseconds ?? 0, ReportBarrier?.Invoke(), journal.OutboxLength, link.ObserverReference, options.Ui.AnnouncedUrl);
        var reply = await link.CallAsync(g => g.Heartbeat(heartbeat), TimeSpan.FromSeconds(5), cancellation);
        _lastHeartbeat = heartbeat.SentAt;
        foreach (var pending in reply.PendingCommands)
        {
            await inbox.OnBarrierCommand(pending);
        }
    }

    private async Task ApplyCommandsAsync(CancellationToken cancellation)
    {
        try
        {
            await foreach (var pending in inbox.Commands.ReadAllAsync(cancellation))
            {
                try
                {
                    var eventId = pending.Command.EventId;
                    var barrier = ApplyCommand is { } apply && _applied.Add(eventId) ? await apply(pending) : ReportBarrier?.Invoke() ?? pending.Result.Barrier;
                    await link.CallAsync(g => g.AcknowledgeCommand(new GateCommandAck(eventId, barrier, time.GetUtcNow())),
                        TimeSpan.FromSeconds(5), cancellation);
                }
                catch (ClusterUnavailableException)
                {
                    // Not acknowledged: the next heartbeat's reply brings the command again, and it is acknowledged then.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<(string Outcome, bool Conflict, bool Retry)> ReplayAsync(OutboxItem item, CancellationToken cancellation)
    {
        try
        {
            switch (item.Kind)
            {
                case OutboxKind.Entry:
                {
                    var command = OutboxCommands.Read<EntryCommand>(item.Payload);
                    var answer = await link.CallAsync(g => g.Enter(command), options.ClusterTimeout, cancellation);
                    return (answer.Allowed ? $"entered, ticket {answer.Ticket}" : $"{answer.Reason}: {answer.ReasonText}", !answer.Allowed, false);
                }

                case OutboxKind.Payment:
                {
                    var command = OutboxCommands.Read<PaymentCommand>(item.Payload);
                    var answer = await link.CallAsync(g => g.Pay(command), options.ClusterTimeout, cancellation);
                    return (answer.Accepted ? $"paid {answer.AmountPaid}" : $"{answer.Reason}: {answer.ReasonText}", !answer.Accepted, false);
                }

                default:
                {
                    var exit = OutboxCommands.Read<OfflineExit>(item.Payload);

                    // A "not yet" is recorded by the lot under the id it was asked with: each retry asks under a new one.
                    var command = item.Attempts == 0 ? exit.Command : exit.Command with { EventId = $"{exit.Command.EventId}~{item.Attempts}" };
                    var answer = await link.CallAsync(g => g.Exit(command), options.ClusterTimeout, cancellation);
                    if (!answer.Open && answer.Reason == DenialReason.SessionNotFound && time.GetUtcNow() - item.CreatedAt < options.UnknownExitRetryWindow)
                    {
                        return ("stay not known yet", false, true);
                    }

                    return (answer.Open ? $"exited, fee {answer.Fee?.Total}" : $"{answer.Reason}: {answer.ReasonText}", !answer.Open, false);
                }
            }
        }
        catch (InvalidCommandException refused)
        {
            // E.g. older than the lot's replay horizon: never dropped silently.
            return ($"refused: {string.Join("; ", refused.Problems.Select(p => $"{p.Field}: {p.Message}"))}", true, false);
        }
        catch (JsonException damaged)
        {
            return ($"unreadable outbox entry: {damaged.Message}", true, false);
        }
    }

    private async Task ReportConflictAsync(OutboxItem item, string outcome, CancellationToken cancellation)
    {
        var plate = item.Kind switch
        {
            OutboxKind.Entry => OutboxCommands.Read<EntryCommand>(item.Payload).Plate,
            OutboxKind.Exit => OutboxCommands.Read<OfflineExit>(item.Payload).Command.Plate,
            _ => null,
        };
        var conflict = new LaneConflict(item.EventId, item.Kind.ToString().ToLowerInvariant(), plate, item.LocalDecision, Shorten(outcome), item.CreatedAt);
        await link.CallAsync(g => g.ReportConflict(conflict), options.ClusterTimeout * 2, cancellation);
        logger.LogWarning("Offline {Kind} {EventId} was decided otherwise by the cluster: {Outcome}", item.Kind, item.EventId, outcome);
    }

    private LaneDecision DecideExitOffline(ExitCommand command, PaymentCommand? payment, long started)
    {
        var pending = journal.Pending();
        var stay = payment is not null ? _cache?.Stays.FirstOrDefault(s => s.SessionId == payment.SessionIdOrTicket) : OfflineDecider.FindStay(_cache, pending, command.Plate, command.CardId);
        if (_cache is not { } cache || stay is null)
        {
            return new LaneDecision(command.EventId, LaneEventKind.Exit, false, true, DenialReason.SessionNotFound,
                "Offline: this stay is not known here. Please call the operator.", command.Plate, null, null, null, null, null, command.Time, Elapsed(started));
        }

        var (fee, due) = OfflineDecider.Charge(cache, stay, command.Time);
        if (payment is not null && payment.Amount.Amount >= due.Amount)
        {
            // The payment first, then the exit: the lot applies them in this order when they are replayed.
            journal.Enqueue(payment.EventId, OutboxKind.Payment, OutboxCommands.Write(payment with { Amount = due }), $"paid {due} at the lane offline", payment.Time);
            due = due with { Amount = 0 };
        }

        if (due.Amount > 0)
        {
            return new LaneDecision(command.EventId, LaneEventKind.Exit, false, true, DenialReason.PaymentRequired, $"{due} to pay.", command.Plate, stay.SessionId, stay.Ticket, null, due, fee, command.Time, Elapsed(started));
        }

        var exit = command with { Plate = command.Plate ?? stay.Plate, Ticket = stay.Ticket };
        journal.Enqueue(exit.EventId, OutboxKind.Exit, OutboxCommands.Write(new OfflineExit(exit, stay.SessionId)), $"exit allowed offline, fee {fee.Total}", exit.Time);
        return new LaneDecision(exit.EventId, LaneEventKind.Exit, true, true, null, "Goodbye (offline).", command.Plate, stay.SessionId, stay.Ticket, null, due, fee, command.Time, Elapsed(started));
    }

    private static LaneDecision Refused(string eventId, LaneEventKind kind, string? plate, InvalidCommandException refused, DateTimeOffset at, long started) =>
        new(eventId, kind, false, false, null, $"Not accepted: {string.Join("; ", refused.Problems.Select(p => p.Message))}", plate, null, null, null, null, null, at, Elapsed(started));

    private void Remember(IReadOnlyDictionary<VehicleClass, int> freeCounts)
    {
        if (_cache is { } cache && freeCounts.Count > 0)
        {
            _cache = cache with { FreeCounts = freeCounts };
        }
    }

    private static LaneCache? LoadCache(LaneJournal journal, ILogger logger)
    {
        try
        {
            return journal.LoadCache() is { } json ? JsonSerializer.Deserialize<LaneCache>(json, s_json) : null;
        }
        catch (JsonException exception)
        {
            logger.LogWarning(exception, "The cached lot data in the lane journal is unreadable: it is fetched again when the cluster answers");
            return null;
        }
    }

    private static string NewEventId() => Guid.CreateVersion7().ToString("N");

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..199] + "…";

    private static double Elapsed(long started) => Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
