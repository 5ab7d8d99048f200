using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ParkingGrains.Runtime.Core;

namespace ParkingGrains.Runtime.Reminders;

/// <summary>
/// Durable reminders: rows live in the reminder table; each silo keeps local timers only for the reminders of
/// grains it owns on the ring, and re-reads the table whenever membership changes, so a reminder registered on a
/// silo that dies fires on the grain's new owner.
/// </summary>
internal sealed class ReminderService(IReminderTable table, SiloRuntime runtime, TimeProvider time) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(GrainId, string), LocalReminder> _local = new();
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private ITimer? _refreshTimer;
    private int _refreshRequested;

    private TimeProvider Time => time;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await table.InitializeAsync(cancellationToken);
        await RefreshAsync();
        _refreshTimer = time.CreateTimer(_ => _ = RefreshAsync(), null, runtime.Options.ReminderRefreshPeriod, runtime.Options.ReminderRefreshPeriod);
    }

    public async Task<IGrainReminder> RegisterOrUpdateAsync(GrainId grainId, string name, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (period <= TimeSpan.Zero || period < runtime.Options.MinimumReminderPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period,
                $"Reminder period must be at least {runtime.Options.MinimumReminderPeriod} (SiloOptions.MinimumReminderPeriod); use a grain timer for shorter intervals.");
        }

        if (dueTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "Due time cannot be negative.");
        }

        var entry = new ReminderEntry { GrainId = grainId, ReminderName = name, StartAt = time.GetUtcNow() + dueTime, Period = period };
        var etag = await table.UpsertRowAsync(entry);
        entry = entry with { ETag = etag };
        if (IsOwnedHere(grainId))
        {
            Schedule(entry);
        }

        return new GrainReminder(name, etag);
    }

    public async Task UnregisterAsync(GrainId grainId, IGrainReminder reminder)
    {
        var etag = reminder is GrainReminder known ? known.ETag : (await table.ReadRowAsync(grainId, reminder.ReminderName))?.ETag;
        if (etag is not null && !await table.RemoveRowAsync(grainId, reminder.ReminderName, etag))
        {
            // Re-registered meanwhile: remove whatever version is current, since the grain asked for it gone.
            if (await table.ReadRowAsync(grainId, reminder.ReminderName) is { ETag: { } current })
            {
                await table.RemoveRowAsync(grainId, reminder.ReminderName, current);
            }
        }

        if (_local.TryRemove((grainId, reminder.ReminderName), out var local))
        {
            local.Dispose();
        }
    }

    public async Task<IGrainReminder?> GetAsync(GrainId grainId, string name) =>
        await table.ReadRowAsync(grainId, name) is { ETag: { } etag } ? new GrainReminder(name, etag) : null;

    /// <summary>Re-reads the table and keeps timers exactly for the reminders this silo now owns.</summary>
    public async Task RefreshAsync()
    {
        // A refresh asked for while one runs is not dropped: the running one goes round again.
        Interlocked.Exchange(ref _refreshRequested, 1);
        if (_stopping.IsCancellationRequested || !await _refreshLock.WaitAsync(0))
        {
            return;
        }

        try
        {
            while (Interlocked.Exchange(ref _refreshRequested, 0) == 1 && !_stopping.IsCancellationRequested)
            {
                await RefreshOnceAsync();
            }
        }
        finally
        {
            _refreshLock.Release();
        }

        // A request that arrived between the last pass and the release would otherwise wait for the next period.
        if (Volatile.Read(ref _refreshRequested) == 1)
        {
            await RefreshAsync();
        }
    }

    private async Task RefreshOnceAsync()
    {
        try
        {
            var rows = await table.ReadRowsAsync(0, 0);
            var owned = rows.Where(r => IsOwnedHere(r.GrainId)).ToDictionary(r => (r.GrainId, r.ReminderName));
            foreach (var (key, local) in _local)
            {
                if (!owned.TryGetValue(key, out var row) || row.ETag != local.Entry.ETag)
                {
                    if (_local.TryRemove(new KeyValuePair<(GrainId, string), LocalReminder>(key, local)))
                    {
                        local.Dispose();
                    }
                }
            }

            foreach (var (key, row) in owned)
            {
                if (!_local.ContainsKey(key))
                {
                    Schedule(row);
                }
            }
        }
        catch (Exception ex)
        {
            runtime.Logger.LogWarning(ex, "Reading the reminder table failed; retrying on the next refresh");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        if (_refreshTimer is not null)
        {
            await _refreshTimer.DisposeAsync();
        }

        foreach (var local in _local.Values)
        {
            local.Dispose();
        }

        _local.Clear();
    }

    private bool IsOwnedHere(GrainId grainId) => runtime.Client.OwnerOf(grainId)?.Equals(runtime.SiloAddress) == true;

    private void Schedule(ReminderEntry entry)
    {
        var local = new LocalReminder(entry, this);
        if (_local.TryGetValue((entry.GrainId, entry.ReminderName), out var old) && _local.TryRemove(new KeyValuePair<(GrainId, string), LocalReminder>((entry.GrainId, entry.ReminderName), old)))
        {
            old.Dispose();
        }

        _local[(entry.GrainId, entry.ReminderName)] = local;
        local.Arm();
    }

    private async Task FireAsync(LocalReminder local, DateTimeOffset dueAt)
    {
        var entry = local.Entry;
        try
        {
            if (!IsOwnedHere(entry.GrainId))
            {
                return;
            }

            var grain = (IRemindable)runtime.Client.GetReference(entry.GrainId, typeof(IRemindable));
            await grain.ReceiveReminder(entry.ReminderName, new TickStatus(entry.StartAt, entry.Period, dueAt));
        }
        catch (Exception ex)
        {
            runtime.Logger.LogWarning(ex, "Reminder {Reminder} of {GrainId} failed", entry.ReminderName, entry.GrainId);
        }
        finally
        {
            if (!local.IsDisposed)
            {
                local.Arm();
            }
        }
    }

    /// <summary>The in-memory timer of one owned reminder; ticks missed while nobody owned it are skipped, as in Orleans.</summary>
    private sealed class LocalReminder(ReminderEntry entry, ReminderService service) : IDisposable
    {
        private ITimer? _timer;

        public ReminderEntry Entry { get; } = entry;

        public bool IsDisposed { get; private set; }

        public void Arm()
        {
            var now = service.Time.GetUtcNow();
            var next = Entry.StartAt;
            if (next < now)
            {
                var periods = Math.Ceiling((now - Entry.StartAt).Ticks / (double)Entry.Period.Ticks);
                next = Entry.StartAt + TimeSpan.FromTicks((long)(periods * Entry.Period.Ticks));
            }

            var dueAt = next;
            _timer?.Dispose();
            _timer = service.Time.CreateTimer(_ => _ = service.FireAsync(this, dueAt), null, next - now, Timeout.InfiniteTimeSpan);
        }

        public void Dispose()
        {
            IsDisposed = true;
            _timer?.Dispose();
        }
    }
}
