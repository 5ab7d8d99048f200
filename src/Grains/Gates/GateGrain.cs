using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Accounts;
using ParkingGrains.Grains.Interfaces.Cards;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Notifications;
using ParkingGrains.Grains.Interfaces.Validation;
using ParkingGrains.Grains.Lots;

namespace ParkingGrains.Grains.Gates;

/// <summary>
/// A barrier gate: passes entries and exits to its lot (which decides and records them), keeps the barrier
/// state, records operator commands, and tracks the edge agent's liveness and round-trip time.
/// </summary>
[Reentrant]
public sealed class GateGrain(
    [JournaledState("gate")] IJournaledState<GateState, GateEvent> journal,
    LotOptions? options = null,
    TimeProvider? time = null) : Grain, IGateGrain
{
    private const int RecentEventLimit = 20;
    private readonly LotOptions _options = options ?? new LotOptions();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly LinkedList<GateEventSummary> _recent = new();
    private DateTimeOffset? _lastSeen;
    private double? _roundTrip;
    private BarrierState? _agentBarrier;
    private int _outboxLength;
    private string? _laneUiUrl;
    private IGateAgentObserver? _agent;
    private IGrainTimer? _offlineCheck;
    private (string LotId, ILotGrain Lot)? _lot;

    private string GateId => this.GetPrimaryKeyString();

    public async Task Assign(GateAssignment assignment)
    {
        if (assignment.Gate.GateId != GateId)
        {
            throw new InvalidCommandException("gateId", "The assignment is for another gate.");
        }

        if (journal.State.Assignment != assignment)
        {
            journal.Raise(new GateAssigned(assignment, _time.GetUtcNow()));
        }

        await journal.ConfirmAsync();
    }

    public async Task Unassign(string lotId)
    {
        // Only the lot the gate belongs to may let it go: a gate moved to another lot stays there.
        if (journal.State.Assignment?.LotId == lotId)
        {
            journal.Raise(new GateUnassigned(lotId, _time.GetUtcNow()));
        }

        await journal.ConfirmAsync();
    }

    public async Task<EntryDecision> Enter(EntryCommand command)
    {
        LotCommandRules.Check(command, Bounds()).ThrowIfAny();
        await CheckPresentedKeyAsync();
        if (journal.State.Assignment is not { } assignment || command.GateId != GateId)
        {
            return new EntryDecision(command.EventId, false, DenialReason.UnknownGate, $"Gate {GateId} is not assigned to a lot.", null, null, null, false, new Dictionary<VehicleClass, int>());
        }

        var decision = await Lot(assignment.LotId).Enter(command);
        Record(command.EventId, "entry", decision.Allowed, command.Plate, decision.Reason?.ToString(), command.Time);
        return decision;
    }

    public async Task<ExitDecision> Exit(ExitCommand command)
    {
        LotCommandRules.Check(command, Bounds()).ThrowIfAny();
        await CheckPresentedKeyAsync();
        if (journal.State.Assignment is not { } assignment || command.GateId != GateId)
        {
            var none = new Money(0, "");
            return new ExitDecision(command.EventId, false, DenialReason.UnknownGate, $"Gate {GateId} is not assigned to a lot.", null, null, none, none, new Dictionary<VehicleClass, int>());
        }

        var decision = await Lot(assignment.LotId).Exit(command);
        Record(command.EventId, "exit", decision.Open, command.Plate, decision.Reason?.ToString(), command.Time);
        return decision;
    }

    public async Task<GateCommandResult> Command(GateCommand command)
    {
        GateCommandRules.Check(command, Bounds()).ThrowIfAny();
        if (!journal.State.CommandResults.TryGetValue(command.EventId, out var result))
        {
            // Nobody would move the barrier: refuse rather than show it Open. Nothing is recorded, so the same command
            // may be sent again once the agent is back.
            if (!IsOnline(_time.GetUtcNow()))
            {
                return new GateCommandResult(command.EventId, false, $"Gate {GateId} is offline: its agent has not been heard from in {_options.GateOfflineAfter.TotalSeconds:0} s.",
                    journal.State.Barrier, journal.State.OpenUntil, GateOffline: true);
            }

            result = command.Kind switch
            {
                GateCommandKind.Open => new GateCommandResult(command.EventId, true, null, BarrierState.Open, command.Time + (command.Duration ?? _options.BarrierOpenTime)),
                GateCommandKind.HoldOpen => new GateCommandResult(command.EventId, true, null, BarrierState.HeldOpen, null),
                _ => new GateCommandResult(command.EventId, true, null, BarrierState.Closed, null),
            };
            journal.Raise(new BarrierCommanded(command, result, command.Time));
            Record(command.EventId, $"command:{command.Kind}", command.Kind != GateCommandKind.Close, null, command.Reason, command.Time);
            await journal.ConfirmAsync();

            // One-way push to the lane; the next heartbeat's reply carries it again until the agent acknowledges.
            if (_agent is { } agent && journal.State.Pending is { } pending)
            {
                _ = agent.OnBarrierCommand(pending);
            }
        }

        await journal.ConfirmAsync();
        await PublishStatusAsync();
        return result;
    }

    public async Task<PaymentResult> Pay(PaymentCommand command)
    {
        await CheckPresentedKeyAsync();
        if (journal.State.Assignment is not { } assignment)
        {
            throw new InvalidCommandException("gateId", $"Gate {GateId} is not assigned to a lot.");
        }

        return await Lot(assignment.LotId).Pay(command);
    }

    public async Task AcknowledgeCommand(GateCommandAck ack)
    {
        await RequireAgentKeyAsync();
        var problems = new CommandProblems();
        problems.RequiredId("eventId", ack.EventId);
        if (!Enum.IsDefined(ack.Barrier))
        {
            problems.Add("barrier", "Not a barrier state.");
        }

        problems.ThrowIfAny();
        _agentBarrier = ack.Barrier;
        if (journal.State.Pending?.Command.EventId == ack.EventId)
        {
            journal.Raise(new BarrierAcknowledged(ack, _time.GetUtcNow()));
            await journal.ConfirmAsync();
        }

        await PublishStatusAsync();
    }

    public async Task<LaneCache?> GetLaneCache()
    {
        await RequireAgentKeyAsync();
        if (journal.State.Assignment is not { } assignment || await Lot(assignment.LotId).GetLaneCache(GateId) is not { } cache)
        {
            return null;
        }

        var cards = await GrainFactory.GetGrain<ICardDirectoryGrain>(ICardDirectoryGrain.Key).List(assignment.LotId);
        return cache with { Cards = [.. cards.Select(c => c.Definition)] };
    }

    public async Task ReportConflict(LaneConflict conflict)
    {
        await RequireAgentKeyAsync();
        var problems = new CommandProblems();
        problems.RequiredId("eventId", conflict.EventId);
        problems.Text("kind", conflict.Kind, CommandLimits.MaxIdLength, required: true);
        problems.Text("plate", conflict.Plate, CommandLimits.MaxIdLength, required: false);
        problems.Text("localDecision", conflict.LocalDecision, CommandLimits.MaxReasonLength, required: true);
        problems.Text("clusterDecision", conflict.ClusterDecision, CommandLimits.MaxReasonLength, required: true);
        problems.ThrowIfAny();
        if (journal.State.Assignment is { } assignment)
        {
            var vehicle = conflict.Plate is { Length: > 0 } plate ? $" of {plate}" : "";
            var text = $"Gate {GateId} decided the {conflict.Kind}{vehicle} at {conflict.EventTime:u} on its own while the cluster was unreachable "
                + $"({conflict.LocalDecision}), and the lot decided otherwise on replay ({conflict.ClusterDecision}). The vehicle has passed: check it.";
            await GrainFactory.GetGrain<ILotAlertsGrain>(assignment.LotId)
                .Record(new LotAlert(assignment.LotId, text, AlertSeverity.Warning, _time.GetUtcNow(), $"lane-conflict:{GateId}:{conflict.EventId}"));
        }
    }

    public async Task<GateHeartbeatReply> Heartbeat(GateHeartbeat heartbeat)
    {
        await RequireAgentKeyAsync();
        var problems = new CommandProblems();
        problems.RequiredId("agentId", heartbeat.AgentId);
        if (!double.IsFinite(heartbeat.RoundTripMilliseconds) || heartbeat.RoundTripMilliseconds < 0)
        {
            problems.Add("roundTripMilliseconds", "The round-trip time is a finite, non-negative number of milliseconds.");
        }

        if (heartbeat.OutboxLength < 0)
        {
            problems.Add("outboxLength", "The outbox length is not negative.");
        }

        if (heartbeat.Barrier is { } reported && !Enum.IsDefined(reported))
        {
            problems.Add("barrier", "Not a barrier state.");
        }

        // The dashboard links to it: only an absolute http(s) URL, never a script: or data: link.
        problems.Text("laneUiUrl", heartbeat.LaneUiUrl, CommandLimits.MaxReferenceLength, required: false);
        if (heartbeat.LaneUiUrl is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            problems.Add("laneUiUrl", "An absolute http or https URL.");
        }

        problems.ThrowIfAny();
        _lastSeen = _time.GetUtcNow();
        _roundTrip = heartbeat.RoundTripMilliseconds;
        _agentBarrier = heartbeat.Barrier ?? _agentBarrier;
        _outboxLength = heartbeat.OutboxLength;
        _laneUiUrl = heartbeat.LaneUiUrl;
        _agent = heartbeat.Observer ?? _agent;

        // When the heartbeats stop, the dashboards are told the gate went offline (nothing else would tell them).
        var check = _options.GateOfflineAfter + TimeSpan.FromMilliseconds(500);
        _offlineCheck ??= this.RegisterGrainTimer(PublishIfOfflineAsync, new GrainTimerCreationOptions(check, Timeout.InfiniteTimeSpan) { Interleave = true });
        _offlineCheck.Change(check, Timeout.InfiniteTimeSpan);
        await PublishStatusAsync();
        return new GateHeartbeatReply(journal.State.Pending is { } pending ? [pending] : [], _lastSeen.Value);
    }

    public Task<GateStatus> GetStatus()
    {
        var state = journal.State;
        var now = _time.GetUtcNow();
        var barrier = state.Barrier == BarrierState.Open && state.OpenUntil is { } until && until < now ? BarrierState.Closed : state.Barrier;
        return Task.FromResult(new GateStatus(
            GateId,
            state.Assignment?.LotId,
            state.Assignment?.Gate.Direction,
            state.Assignment?.Gate.Lane ?? 0,
            IsOnline(now),
            _lastSeen,
            _roundTrip,
            barrier,
            barrier == BarrierState.Open ? state.OpenUntil : null,
            [.. _recent],
            state.Pending?.Command.EventId,
            _agentBarrier ?? state.AcknowledgedBarrier,
            _outboxLength,
            _laneUiUrl));
    }

    // Agent-only calls: the gate's current key, checked by the key grain on every call so a rotated-out key stops at once.
    private async Task RequireAgentKeyAsync()
    {
        if (GateAgentCredential.Presented() is not { } key)
        {
            throw new UnauthorizedGateAgentException($"Only the agent of gate {GateId} may make this call: present the gate's key.");
        }

        if (!GateKeys.TryHash(key, out var hash) || !(await GrainFactory.GetGrain<IGateKeyGrain>(GateId).Verify(hash)).Valid)
        {
            throw new UnauthorizedGateAgentException($"The key presented is not the current key of gate {GateId}.");
        }
    }

    // Entries, exits and payments come from the web API (which authenticated its caller) or from the agent: a key,
    // when presented, must be this gate's.
    private Task CheckPresentedKeyAsync() => GateAgentCredential.Presented() is null ? Task.CompletedTask : RequireAgentKeyAsync();

    private bool IsOnline(DateTimeOffset now) => _lastSeen is { } seen && now - seen < _options.GateOfflineAfter;

    private Task PublishIfOfflineAsync(CancellationToken cancellation) => IsOnline(_time.GetUtcNow()) ? Task.CompletedTask : PublishStatusAsync();

    private TimeBounds Bounds() => _options.Bounds(_time.GetUtcNow());

    // One-way to the lot's publisher: the gate panel stays live without the gate ever waiting for a web host.
    private async Task PublishStatusAsync()
    {
        if (journal.State.Assignment is { } assignment)
        {
            var status = await GetStatus();
            await GrainFactory.GetGrain<ILotEventsGrain>(assignment.LotId)
                .PublishGateStatus(new GateStatusChanged(assignment.LotId, GateId, status.Online, status.RoundTripMilliseconds, status.Barrier, _time.GetUtcNow()));
        }
    }

    // Every car passes here: the reference is kept, because resolving one by key costs a reflection lookup per call.
    private ILotGrain Lot(string lotId)
    {
        if (_lot is not { } cached || cached.LotId != lotId)
        {
            cached = (lotId, GrainFactory.GetGrain<ILotGrain>(lotId));
            _lot = cached;
        }

        return cached.Lot;
    }

    // Recent events are a live view for the gate panel; the lot's and the gate's logs hold the record.
    private void Record(string eventId, string kind, bool opened, string? plate, string? reason, DateTimeOffset at)
    {
        _recent.AddFirst(new GateEventSummary(eventId, kind, opened, plate, reason, at));
        while (_recent.Count > RecentEventLimit)
        {
            _recent.RemoveLast();
        }
    }
}
