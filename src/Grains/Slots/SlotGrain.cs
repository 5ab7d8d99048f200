using ParkingGrains.Grains.Interfaces.Slots;
using ParkingGrains.Grains.Interfaces.Validation;
using ParkingGrains.Grains.Slots.Events;

namespace ParkingGrains.Grains.Slots;

/// <summary>
/// A slot's sensor side. Each reading is decided synchronously within one turn: duplicates (by the sensor's
/// sequence) are ignored, occupancy changes are debounced, and only what changes the slot's story — a confirmed
/// change, a suppressed flap, a battery alarm, an outage — is recorded, acknowledged once durable. Plain readings
/// and heartbeats stay in memory: every slot sends them continuously and they would flood the history.
/// </summary>
[Reentrant]
public sealed class SlotGrain(
    [JournaledState("slot")] IJournaledState<SlotState, SlotEvent> journal,
    SlotSensorOptions? options = null,
    TimeProvider? time = null) : Grain, ISlotGrain
{
    private readonly SlotSensorOptions _options = Validated(options ?? new SlotSensorOptions());
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    // The latest accepted reading; the journal holds the latest one that caused an event.
    private long _lastSequence;
    private DateTimeOffset? _lastReading;
    private double? _batteryVolts;
    private DateTimeOffset? _lastHeartbeat;
    private DateTimeOffset _activatedAt;

    // The debounce run: a value other than the confirmed one and how many consecutive readings showed it.
    private bool? _candidate;
    private int _candidateReadings;
    private IGrainTimer? _offlineTimer;

    private SlotState S => journal.State;

    private string Key => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _lastSequence = S.LastSequence;
        _lastReading = S.LastReading;
        _batteryVolts = S.BatteryVolts;
        _activatedAt = _time.GetUtcNow();
        if (_options.OfflineCheckPeriod > TimeSpan.Zero)
        {
            _offlineTimer = this.RegisterGrainTimer(CheckOfflineAsync, _options.OfflineCheckPeriod, _options.OfflineCheckPeriod);
        }

        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _offlineTimer?.Dispose();
        return Task.CompletedTask;
    }

    public async Task<SensorState> ReportSensor(SensorReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var now = _time.GetUtcNow();
        var slotId = RequireSlotId();
        Validate(reading, now);

        var newSensor = !string.Equals(reading.SensorId, S.SensorId, StringComparison.Ordinal);
        if (!newSensor && _lastReading is not null && reading.Sequence <= _lastSequence)
        {
            // A duplicate or late delivery; still wait for the original's events so the answer is durable.
            var current = View(slotId, now);
            await journal.ConfirmAsync();
            return current;
        }

        Decide(reading, newSensor, now);
        var view = View(slotId, now);
        await journal.ConfirmAsync();
        return view;
    }

    public async Task Heartbeat(string sensorId, DateTimeOffset time)
    {
        var now = _time.GetUtcNow();
        RequireSlotId();
        RequireSensorId(sensorId, nameof(sensorId));
        RequireTime(time, now, nameof(time));
        if (S.SensorId is { } attached && !string.Equals(attached, sensorId, StringComparison.Ordinal))
        {
            // Only a reading attaches a sensor (and is recorded); a stray heartbeat must not vouch for another device.
            throw new InvalidCommandException("sensorId", "The slot has another sensor; this heartbeat is not for it.");
        }

        if (_lastHeartbeat is null || time > _lastHeartbeat)
        {
            _lastHeartbeat = time;
        }

        if (S.OfflineRecorded && IsOnline(now))
        {
            journal.Raise(new SensorBackOnline(sensorId, time));
        }

        await journal.ConfirmAsync();
    }

    public Task<SensorState> GetSensor() => Task.FromResult(View(RequireSlotId(), _time.GetUtcNow()));

    private void Decide(SensorReading reading, bool newSensor, DateTimeOffset now)
    {
        if (newSensor)
        {
            journal.Raise(new SensorAttached(reading, S.SensorId, reading.Time));
            _candidate = null;
            _candidateReadings = 0;
            _batteryVolts = null;
        }

        _lastSequence = reading.Sequence;
        _lastReading = reading.Time;
        _batteryVolts = reading.BatteryVolts ?? _batteryVolts;

        if (S.OfflineRecorded && IsOnline(now))
        {
            journal.Raise(new SensorBackOnline(reading.SensorId, reading.Time));
        }

        DecideOccupancy(reading);
        DecideBattery(reading);
    }

    private void DecideOccupancy(SensorReading reading)
    {
        if (reading.Occupied == S.Occupied)
        {
            // Back to the confirmed value before the run was confirmed: the run was a flap.
            DropCandidate(reading);
            return;
        }

        if (_candidate != reading.Occupied)
        {
            // Only possible while nothing is confirmed yet: true, then false, before either was confirmed.
            DropCandidate(reading);
            _candidate = reading.Occupied;
        }

        _candidateReadings++;
        if (_candidateReadings >= _options.ConfirmReadings)
        {
            journal.Raise(new SensorOccupancyChanged(reading, S.Occupied, reading.Time));
            _candidate = null;
            _candidateReadings = 0;
        }
    }

    private void DropCandidate(SensorReading reading)
    {
        if (_candidate is { } dropped)
        {
            journal.Raise(new SensorFlapSuppressed(reading, dropped, _candidateReadings, reading.Time));
        }

        _candidate = null;
        _candidateReadings = 0;
    }

    private void DecideBattery(SensorReading reading)
    {
        if (reading.BatteryVolts is not { } volts)
        {
            return;
        }

        if (!S.LowBattery && volts < _options.LowBatteryVolts)
        {
            journal.Raise(new SensorBatteryLow(reading, reading.Time));
        }
        else if (S.LowBattery && volts >= _options.LowBatteryVolts + _options.BatteryRecoveryMarginVolts)
        {
            journal.Raise(new SensorBatteryRecovered(reading, reading.Time));
        }
    }

    private async Task CheckOfflineAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (S.SensorId is not { } sensorId || S.OfflineRecorded)
        {
            return;
        }

        // Only a whole window of silence seen by this activation counts: after a restart the last recorded reading
        // may be old while the sensor's next heartbeat is simply still on its way.
        var lastSeen = LastSeen;
        var since = lastSeen is { } seen && seen > _activatedAt ? seen : _activatedAt;
        if (now - since <= _options.OfflineAfter)
        {
            return;
        }

        journal.Raise(new SensorWentOffline(sensorId, lastSeen, now));
        await journal.ConfirmAsync();
    }

    private DateTimeOffset? LastSeen =>
        _lastHeartbeat is { } heartbeat && (_lastReading is not { } reading || heartbeat > reading) ? heartbeat : _lastReading;

    private bool IsOnline(DateTimeOffset now) => LastSeen is { } seen && now - seen <= _options.OfflineAfter;

    private SensorState View(string slotId, DateTimeOffset now) => new(
        slotId,
        S.SensorId,
        S.Occupied,
        _lastReading,
        _lastHeartbeat,
        IsOnline(now),
        _batteryVolts,
        S.LowBattery,
        _lastSequence,
        S.FlapsSuppressed);

    private string RequireSlotId() =>
        SlotKeys.TryParse(Key, out _, out var slotId)
            ? slotId
            : throw new InvalidCommandException("slotId", "A slot key has the form lotId/slotId.");

    private void Validate(SensorReading reading, DateTimeOffset now)
    {
        RequireSensorId(reading.SensorId, nameof(reading));
        if (reading.Sequence < 0)
        {
            throw new InvalidCommandException("sequence", "The sequence must not be negative.");
        }

        if (reading.DistanceCm is { } distance && (!double.IsFinite(distance) || distance < 0))
        {
            throw new InvalidCommandException("distanceCm", "The distance is a finite, non-negative number of centimetres.");
        }

        if (reading.BatteryVolts is { } volts && (!double.IsFinite(volts) || volts < 0))
        {
            throw new InvalidCommandException("batteryVolts", "The battery voltage is a finite, non-negative number.");
        }

        RequireTime(reading.Time, now, nameof(reading));
    }

    private static void RequireSensorId(string? sensorId, string parameter)
    {
        var problems = new CommandProblems();
        problems.RequiredId("sensorId", sensorId);
        problems.ThrowIfAny();
    }

    private void RequireTime(DateTimeOffset time, DateTimeOffset now, string parameter)
    {
        if (time == default)
        {
            throw new InvalidCommandException("time", "The message has no time.");
        }

        if (time > now + _options.MaxClockSkew)
        {
            throw new InvalidCommandException("time", $"The message time is more than {_options.MaxClockSkew} ahead of now; the sensor clock is off.");
        }
    }

    private static SlotSensorOptions Validated(SlotSensorOptions options) =>
        options.ConfirmReadings >= 1 && options.OfflineAfter > TimeSpan.Zero
            ? options
            : throw new ArgumentOutOfRangeException(nameof(options), "SlotSensorOptions needs ConfirmReadings >= 1 and a positive OfflineAfter.");
}
