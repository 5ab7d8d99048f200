using System.Collections.Concurrent;
using ParkingGrains.Grains.Interfaces.Notifications;

namespace ParkingGrains.WebApi.Realtime;

/// <summary>
/// Keeps this web host subscribed to the lots its SignalR clients joined: one observer reference for the host,
/// subscribed on the first join and renewed every <see cref="ILotEventsGrain.RenewEvery"/> (the publisher drops
/// hosts that stop renewing, and forgets everyone if it is reactivated — renewal brings them back). A timer, not a
/// hosted service: nothing runs until a client joins, and a host that stops simply lets its subscriptions expire.
/// </summary>
public sealed class LotEventsSubscriptions(IServiceProvider services, HubLotObserver observer, TimeProvider time, ILogger<LotEventsSubscriptions> logger)
    : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, byte> _lots = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private IGrainFactory? _grains;
    private ILotObserver? _reference;
    private ITimer? _renewal;
    private int _renewing;

    public async Task EnsureSubscribedAsync(string lotId, CancellationToken cancellationToken)
    {
        if (_lots.ContainsKey(lotId))
        {
            return;
        }

        await Events(lotId).Subscribe(Reference()).WaitAsync(cancellationToken);
        _lots.TryAdd(lotId, 0);
    }

    public async ValueTask DisposeAsync()
    {
        if (_renewal is { } renewal)
        {
            await renewal.DisposeAsync();
        }

        // Tell the runtime the observer is gone, so it stops routing to it; the lots' publishers drop it when it stops renewing.
        if (_reference is { } reference && _grains is { } grains)
        {
            try
            {
                grains.DeleteObjectReference<ILotObserver>(reference);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
            {
                // the client has already stopped, and its object references with it
            }
        }
    }

    private async Task RenewAsync()
    {
        // One round at a time: a slow cluster must not pile rounds up.
        if (Interlocked.Exchange(ref _renewing, 1) == 1)
        {
            return;
        }

        try
        {
            foreach (var lotId in _lots.Keys)
            {
                try
                {
                    await Events(lotId).Subscribe(Reference()).WaitAsync(TimeSpan.FromSeconds(10));
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "Could not renew the live subscription to lot {LotId}; retrying next round", lotId);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _renewing, 0);
        }
    }

    private ILotEventsGrain Events(string lotId) => Grains().GetGrain<ILotEventsGrain>(lotId);

    // Resolved on first use: in a co-hosted silo the grain factory exists only once the silo has started.
    private IGrainFactory Grains() => _grains ??= services.GetRequiredService<IGrainFactory>();

    private ILotObserver Reference()
    {
        lock (_gate)
        {
            _renewal ??= time.CreateTimer(_ => _ = RenewAsync(), null, ILotEventsGrain.RenewEvery, ILotEventsGrain.RenewEvery);

            // Kept in a field: the reference is what keeps the observer reachable for the runtime.
            return _reference ??= Grains().CreateObjectReference<ILotObserver>(observer);
        }
    }
}
