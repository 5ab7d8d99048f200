using ParkingGrains.Grains.Interfaces.Notifications;

namespace ParkingGrains.Grains.Notifications;

/// <summary>
/// Fans a lot's changes out to every subscribed web host (the Orleans GPSTracker shape: one observer per host,
/// the host pushes to its SignalR clients). Subscriptions live in memory only: hosts renew them every
/// <see cref="ILotEventsGrain.RenewEvery"/>, so after a move or restart of this grain they come back by themselves.
/// Not reentrant, so the observers see one lot's changes in the order the lot published them.
/// </summary>
public sealed class LotEventsGrain(TimeProvider? time = null) : Grain, ILotEventsGrain
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Dictionary<GrainId, Subscription> _subscribers = [];

    public Task Subscribe(ILotObserver observer)
    {
        _subscribers[observer.GetGrainId()] = new Subscription(observer, _time.GetUtcNow() + ILotEventsGrain.ExpireAfter);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(ILotObserver observer)
    {
        _subscribers.Remove(observer.GetGrainId());
        return Task.CompletedTask;
    }

    public Task PublishSlotChanged(SlotChanged change) => Fan(o => o.OnSlotChanged(change));

    public Task PublishCounts(LotCountsChanged counts) => Fan(o => o.OnCountsChanged(counts));

    public async Task PublishBatch(LotChangeBatch batch)
    {
        await Fan(o => PushBatch(o, batch));
        await Keep(batch.Alerts);
    }

    private static void PushBatch(ILotObserver o, LotChangeBatch batch)
    {
        foreach (var slot in batch.Slots)
        {
            o.OnSlotChanged(slot);
        }

        foreach (var started in batch.Started)
        {
            o.OnSessionStarted(started);
        }

        foreach (var ended in batch.Ended)
        {
            o.OnSessionEnded(ended);
        }

        if (batch.Counts is { } counts)
        {
            o.OnCountsChanged(counts);
        }

        foreach (var alert in batch.Alerts)
        {
            o.OnAlert(alert);
        }
    }

    public Task PublishSessionStarted(SessionStarted session) => Fan(o => o.OnSessionStarted(session));

    public Task PublishSessionEnded(SessionEnded session) => Fan(o => o.OnSessionEnded(session));

    public Task PublishGateStatus(GateStatusChanged gate) => Fan(o => o.OnGateStatus(gate));

    public async Task PublishAlert(LotAlert alert)
    {
        await Fan(o => o.OnAlert(alert));
        await Keep([alert]);
    }

    // Alerts outlive the push: the lot's alert feed keeps them for dashboards that open later.
    private async Task Keep(IReadOnlyList<LotAlert> alerts)
    {
        foreach (var alert in alerts)
        {
            await GrainFactory.GetGrain<ILotAlertsGrain>(alert.LotId).Record(alert);
        }
    }

    private Task Fan(Action<ILotObserver> push)
    {
        var now = _time.GetUtcNow();
        List<GrainId>? expired = null;
        foreach (var (id, subscription) in _subscribers)
        {
            if (subscription.ExpiresAt < now)
            {
                (expired ??= []).Add(id);
                continue;
            }

            try
            {
                push(subscription.Observer); // one-way: queued, never awaited
            }
            catch (Exception)
            {
                // Best effort, as in Orleans: an unreachable host must not stop the others; it expires if it stays away.
            }
        }

        foreach (var id in expired ?? [])
        {
            _subscribers.Remove(id);
        }

        return Task.CompletedTask;
    }

    private sealed record Subscription(ILotObserver Observer, DateTimeOffset ExpiresAt);
}
