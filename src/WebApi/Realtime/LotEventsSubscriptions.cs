using System.Collections.Concurrent;
using ParkingGrains.Grains.Interfaces.Notifications;
using ParkingGrains.Runtime;

namespace ParkingGrains.WebApi.Realtime;

/// <summary>
/// Keeps this web host subscribed to the lots its SignalR clients joined: one observer reference for the host,
/// subscribed on the first join and renewed every <see cref="ILotEventsGrain.RenewEvery"/> (the publisher drops
/// hosts that stop renewing, and forgets everyone if it is reactivated — renewal brings them back).
/// </summary>
public sealed class LotEventsSubscriptions(IServiceProvider services, HubLotObserver observer, ILogger<LotEventsSubscriptions> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, byte> _lots = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private IGrainFactory? _grains;
    private ILotObserver? _reference;

    public async Task EnsureSubscribedAsync(string lotId, CancellationToken cancellationToken)
    {
        if (_lots.ContainsKey(lotId))
        {
            return;
        }

        await Events(lotId).Subscribe(Reference()).WaitAsync(cancellationToken);
        _lots.TryAdd(lotId, 0);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ILotEventsGrain.RenewEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var lotId in _lots.Keys)
                {
                    try
                    {
                        await Events(lotId).Subscribe(Reference()).WaitAsync(stoppingToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        logger.LogWarning(ex, "Could not renew the live subscription to lot {LotId}; retrying next round", lotId);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_reference is null)
        {
            return;
        }

        foreach (var lotId in _lots.Keys)
        {
            try
            {
                await Events(lotId).Unsubscribe(_reference).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // It expires on its own; leaving quickly matters more.
            }
        }
    }

    private ILotEventsGrain Events(string lotId) => Grains().GetGrain<ILotEventsGrain>(lotId);

    // Resolved on first use: in a co-hosted silo the grain factory exists only once the silo has started.
    private IGrainFactory Grains() => _grains ??= services.GetRequiredService<IGrainFactory>();

    private ILotObserver Reference()
    {
        lock (_gate)
        {
            // Kept in a field: the runtime holds observers weakly, as Orleans does.
            return _reference ??= Grains().CreateObjectReference<ILotObserver>(observer);
        }
    }
}
