using Microsoft.Extensions.Logging;
using ParkingGrains.GateAgent.Devices;
using ParkingGrains.GateAgent.Journal;
using ParkingGrains.GateAgent.Lane;
using ParkingGrains.PlateRecognition;

namespace ParkingGrains.GateAgent.LaneUi;

/// <summary>
/// What the lane UI shows, kept from the runner's events: the last frame and its read, the last decisions, and the reads
/// waiting for an operator. Both lists are bounded (a lane left alone for a day must not grow the agent): the oldest
/// pending read is dropped, with a log line, when a new one arrives at <see cref="PendingLimit"/>.
/// </summary>
public sealed class LaneUiState
{
    public const int DecisionLimit = 20;
    public const int PendingLimit = 8;

    private readonly LaneOptions _options;
    private readonly LaneController _lane;
    private readonly LaneJournal _journal;
    private readonly IBarrier _barrier;
    private readonly ILaneDisplay _display;
    private readonly TimeProvider _time;
    private readonly ILogger<LaneUiState> _logger;
    private readonly Lock _gate = new();
    private readonly LinkedList<LaneUiDecision> _decisions = new();
    private readonly LinkedList<PendingRead> _pending = new();
    private (CameraFrame Frame, LaneUiRead Read)? _lastFrame;
    private long _nextId;
    private TaskCompletionSource _changed = NewSignal();

    public LaneUiState(LaneOptions options, LaneRunner runner, LaneController lane, LaneJournal journal, IBarrier barrier, ILaneDisplay display, TimeProvider time, ILogger<LaneUiState> logger)
    {
        _options = options;
        _lane = lane;
        _journal = journal;
        _barrier = barrier;
        _display = display;
        _time = time;
        _logger = logger;
        runner.FrameRead += OnFrameRead;
        runner.Decided += OnDecided;
    }

    /// <summary>Completes at the next change of frame, decision or pending list (the live stream also refreshes every second).</summary>
    public Task Changed => Volatile.Read(ref _changed).Task;

    public LaneUiSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new LaneUiSnapshot(Status(), _lastFrame?.Read, [.. _decisions], [.. _pending.Select(p => View(p.Id, p.Frame, p.Read, confident: false))]);
        }
    }

    public LaneUiStatus Status()
    {
        var status = _lane.Status;
        var cache = _lane.Cache;
        var display = _display.Current;
        return new LaneUiStatus(status.GateId, status.LotId, cache?.LotName, (_options.Direction ?? cache?.Direction)?.ToString(), status.Connected,
            status.RoundTripMilliseconds, _journal.OutboxLength, status.CacheTakenAt is { } taken ? Math.Round((_time.GetUtcNow() - taken).TotalSeconds) : null,
            status.LastHeartbeat, _barrier.State.ToString(), _barrier.VehiclePresent, display.Line1, display.Line2);
    }

    /// <summary>The last frame when <paramref name="id"/> names it (or is null).</summary>
    public CameraFrame? Frame(long? id)
    {
        lock (_gate)
        {
            return _lastFrame is { } last && (id is null || id == last.Read.Id) ? last.Frame : null;
        }
    }

    public PendingRead? Pending(long id)
    {
        lock (_gate)
        {
            return _pending.FirstOrDefault(p => p.Id == id);
        }
    }

    /// <summary>Removes a pending read for an operator's answer; null when it is gone (answered already, or dropped).</summary>
    public PendingRead? TakePending(long id)
    {
        PendingRead? taken;
        lock (_gate)
        {
            taken = _pending.FirstOrDefault(p => p.Id == id);
            if (taken is not null)
            {
                _pending.Remove(taken);
            }
        }

        if (taken is not null)
        {
            Signal();
        }

        return taken;
    }

    private void OnFrameRead(CameraFrame frame, PlateRead read, bool confident)
    {
        PendingRead? dropped = null;
        lock (_gate)
        {
            var id = ++_nextId;
            _lastFrame = (frame, View(id, frame, read, confident));
            if (!confident)
            {
                _pending.AddLast(new PendingRead(id, frame, read));
                if (_pending.Count > PendingLimit)
                {
                    dropped = _pending.First!.Value;
                    _pending.RemoveFirst();
                }
            }
        }

        if (dropped is not null)
        {
            _logger.LogWarning("Pending plate read {Id} ('{Plate}' at {Confidence:0.00}) dropped unanswered: {Limit} newer reads wait for the operator",
                dropped.Id, dropped.Read.Display, dropped.Read.Confidence, PendingLimit);
        }

        Signal();
    }

    private void OnDecided(LaneDecision decision)
    {
        var view = View(decision);
        lock (_gate)
        {
            _decisions.AddFirst(view);
            while (_decisions.Count > DecisionLimit)
            {
                _decisions.RemoveLast();
            }
        }

        Signal();
    }

    internal static LaneUiDecision View(LaneDecision decision) =>
        new(decision.EventId, decision.Kind.ToString(), decision.Plate, decision.Open, decision.Reason?.ToString(), decision.Message,
            decision.Offline, decision.At, Math.Round(decision.Milliseconds, 1), decision.AmountDue is { Amount: > 0 } due ? due.ToString() : null);

    private void Signal() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static LaneUiRead View(long id, CameraFrame frame, PlateRead read, bool confident) =>
        new(id, frame.CapturedAt, read.Text, read.Display, Math.Round(read.Confidence, 3), read.Format.ToString(), confident,
            read.Box.IsEmpty ? null : new LaneUiBox(read.Box.X, read.Box.Y, read.Box.Width, read.Box.Height));
}
