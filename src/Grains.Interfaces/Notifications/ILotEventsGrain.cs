using Orleans;
using Orleans.Concurrency;

namespace ParkingGrains.Grains.Interfaces.Notifications;

/// <summary>
/// The per-lot fan-out point (key: lot id). Web hosts subscribe their observer and renew it periodically
/// (<see cref="RenewEvery"/>); a subscription not renewed for <see cref="ExpireAfter"/> is dropped, so a web
/// host that died is forgotten. Lot and gate grains publish with one-way calls, after their decision is durable.
/// </summary>
public interface ILotEventsGrain : IGrainWithStringKey
{
    static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);

    static readonly TimeSpan ExpireAfter = TimeSpan.FromMinutes(2);

    /// <summary>Adds or renews the observer.</summary>
    Task Subscribe(ILotObserver observer);

    Task Unsubscribe(ILotObserver observer);

    [OneWay]
    Task PublishSlotChanged(SlotChanged change);

    /// <summary>Everything one confirmed batch of decisions changed, in decision order.</summary>
    [OneWay]
    Task PublishBatch(LotChangeBatch batch);

    [OneWay]
    Task PublishCounts(LotCountsChanged counts);

    [OneWay]
    Task PublishSessionStarted(SessionStarted session);

    [OneWay]
    Task PublishSessionEnded(SessionEnded session);

    [OneWay]
    Task PublishGateStatus(GateStatusChanged gate);

    [OneWay]
    Task PublishAlert(LotAlert alert);
}
