namespace ParkingGrains.GateAgent.Devices;

/// <summary>
/// The barrier's rules, pure: inputs with their time in, the transitions they cause out, and the next time the
/// machine wants <see cref="Tick"/> (<see cref="NextDeadline"/>). No clock, no timer, no I/O — <see cref="LaneBarrier"/>
/// drives it with a <see cref="TimeProvider"/> and the relay.
/// <list type="bullet">
/// <item>Closed → Opening → Open → Closing → Closed; the relay's motion-complete signal ends each motion (a stale
/// signal, e.g. "down" after the boom was reversed, is ignored).</item>
/// <item><b>It never closes while a vehicle is on the loop.</b> Every way to close — a Close command, the open timer,
/// a Release, a close that was asked for while opening — only marks the close as pending; the boom comes down once
/// the loop has been clear for <see cref="BarrierOptions.ClearDelay"/> (a close that never waited for a vehicle still
/// respects a clear delay that is running: a tail that just left the loop is not hit).</item>
/// <item>A vehicle entering the loop while Closing reverses to Opening, and the barrier closes again once it is clear.</item>
/// <item>Open(duration) counts from the moment the boom is up; another Open extends, never shortens, and cancels a
/// pending close (the newest command wins).</item>
/// <item>HoldOpen: the open timer is ignored until Release; Release with the time already up closes (once clear).
/// Close is an explicit command and ends a hold too.</item>
/// </list>
/// Not thread-safe: one caller at a time.
/// </summary>
public sealed class BarrierStateMachine(BarrierOptions options)
{
    private readonly List<BarrierTransition> _transitions = [];
    private TimeSpan _openFor;
    private DateTimeOffset? _openUntil;
    private bool _holdRequested;
    private bool _closePending;
    private BarrierCause _pendingCause;
    private bool _waitedForVehicle;
    private DateTimeOffset? _closeNotBefore;

    public BarrierState State { get; private set; } = BarrierState.Closed;

    public bool VehiclePresent { get; private set; }

    /// <summary>True when a close is wanted but waits (for the boom to be up, or for the loop to be clear).</summary>
    public bool ClosePending => _closePending;

    /// <summary>When <see cref="Tick"/> should be called next, or null when only an input can change anything.</summary>
    public DateTimeOffset? NextDeadline => State != BarrierState.Open ? null
        : !_closePending ? _openUntil
        : VehiclePresent ? null
        : _closeNotBefore;

    public IReadOnlyList<BarrierTransition> Open(TimeSpan duration, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(duration, options.MaxOpenTime);
        _transitions.Clear();
        switch (State)
        {
            case BarrierState.Closed or BarrierState.Closing:
                StartOpening(BarrierCause.OpenCommand, now, duration, hold: false);
                break;
            case BarrierState.Opening:
                _openFor = Max(_openFor, duration);
                CancelClose();
                break;
            case BarrierState.Open:
                _openUntil = Max(_openUntil ?? now, now + duration);
                CancelClose();
                break;
            case BarrierState.HeldOpen:
                _openUntil = Max(_openUntil ?? now, now + duration); // counts again after Release
                break;
        }

        return Evaluate(now);
    }

    public IReadOnlyList<BarrierTransition> Close(DateTimeOffset now)
    {
        _transitions.Clear();
        switch (State)
        {
            case BarrierState.Opening:
                _holdRequested = false;
                RequestClose(BarrierCause.CloseCommand);
                break;
            case BarrierState.HeldOpen:
                Move(BarrierState.Open, BarrierCause.CloseCommand, now);
                RequestClose(BarrierCause.CloseCommand);
                break;
            case BarrierState.Open:
                RequestClose(BarrierCause.CloseCommand);
                break;
        }

        return Evaluate(now);
    }

    public IReadOnlyList<BarrierTransition> HoldOpen(DateTimeOffset now)
    {
        _transitions.Clear();
        switch (State)
        {
            case BarrierState.Closed or BarrierState.Closing:
                StartOpening(BarrierCause.HoldOpenCommand, now, TimeSpan.Zero, hold: true);
                break;
            case BarrierState.Opening:
                _holdRequested = true;
                CancelClose();
                break;
            case BarrierState.Open:
                CancelClose();
                Move(BarrierState.HeldOpen, BarrierCause.HoldOpenCommand, now);
                break;
        }

        return Evaluate(now);
    }

    public IReadOnlyList<BarrierTransition> Release(DateTimeOffset now)
    {
        _transitions.Clear();
        if (State == BarrierState.HeldOpen)
        {
            _openUntil ??= now;
            Move(BarrierState.Open, BarrierCause.ReleaseCommand, now);
        }
        else if (State == BarrierState.Opening)
        {
            _holdRequested = false;
        }

        return Evaluate(now);
    }

    /// <summary>The relay reports the boom reached an end position.</summary>
    public IReadOnlyList<BarrierTransition> MotionComplete(BarrierPosition reached, DateTimeOffset now)
    {
        _transitions.Clear();
        if (State == BarrierState.Opening && reached == BarrierPosition.Up)
        {
            _openUntil = _openFor > TimeSpan.Zero ? now + _openFor : now;
            Move(_holdRequested ? BarrierState.HeldOpen : BarrierState.Open, BarrierCause.MotionComplete, now);
            _holdRequested = false;
        }
        else if (State == BarrierState.Closing && reached == BarrierPosition.Down)
        {
            Move(BarrierState.Closed, BarrierCause.MotionComplete, now);
            _openUntil = null;
        }

        return Evaluate(now);
    }

    public IReadOnlyList<BarrierTransition> VehicleArrived(DateTimeOffset now)
    {
        _transitions.Clear();
        VehiclePresent = true;
        _closeNotBefore = null;
        if (State == BarrierState.Closing)
        {
            StartOpening(BarrierCause.VehiclePresent, now, TimeSpan.Zero, hold: false);
            RequestClose(BarrierCause.VehiclePresent);
        }

        return Evaluate(now);
    }

    public IReadOnlyList<BarrierTransition> VehicleCleared(DateTimeOffset now)
    {
        _transitions.Clear();
        VehiclePresent = false;
        _closeNotBefore = now + options.ClearDelay;
        return Evaluate(now);
    }

    /// <summary>Time passed: the open timer or the clear delay may have run out.</summary>
    public IReadOnlyList<BarrierTransition> Tick(DateTimeOffset now)
    {
        _transitions.Clear();
        return Evaluate(now);
    }

    private IReadOnlyList<BarrierTransition> Evaluate(DateTimeOffset now)
    {
        if (State == BarrierState.Open)
        {
            if (!_closePending && _openUntil is { } until && until <= now)
            {
                RequestClose(BarrierCause.OpenTimerExpired);
            }

            if (_closePending && VehiclePresent)
            {
                _waitedForVehicle = true;
            }
            else if (_closePending && (_closeNotBefore ?? now) <= now)
            {
                Move(BarrierState.Closing, _waitedForVehicle ? BarrierCause.VehicleCleared : _pendingCause, now);
                CancelClose();
            }
        }

        return _transitions.ToArray();
    }

    private void StartOpening(BarrierCause cause, DateTimeOffset now, TimeSpan openFor, bool hold)
    {
        CancelClose();
        _openFor = openFor;
        _openUntil = null;
        _holdRequested = hold;
        Move(BarrierState.Opening, cause, now);
    }

    private void RequestClose(BarrierCause cause)
    {
        if (!_closePending)
        {
            _closePending = true;
            _pendingCause = cause;
            _waitedForVehicle = VehiclePresent;
        }
    }

    private void CancelClose()
    {
        _closePending = false;
        _waitedForVehicle = false;
    }

    private void Move(BarrierState to, BarrierCause cause, DateTimeOffset now)
    {
        if (to == BarrierState.Closing && VehiclePresent)
        {
            // The one rule that must hold whatever the inputs: a boom never comes down on a vehicle.
            throw new InvalidOperationException("The barrier would close on a present vehicle.");
        }

        _transitions.Add(new BarrierTransition(State, to, cause, now));
        State = to;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
