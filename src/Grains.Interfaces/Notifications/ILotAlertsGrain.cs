using Orleans;
using Orleans.Concurrency;

namespace ParkingGrains.Grains.Interfaces.Notifications;

/// <summary>
/// A lot's alert feed (key: lot id): the most recent <see cref="Capacity"/> alerts, kept durably so a dashboard that
/// opens later (or after a restart) still sees what happened, and acknowledged by an operator.
/// </summary>
public interface ILotAlertsGrain : IGrainWithStringKey
{
    const int Capacity = 500;

    /// <summary>Adds the alert unless one with its id is already there.</summary>
    Task Record(LotAlert alert);

    /// <summary>Newest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<AlertView>> List(int limit, bool includeAcknowledged);

    /// <summary>Marks the alert acknowledged (the first acknowledgement stands); null when there is no such alert.</summary>
    Task<AlertView?> Acknowledge(string alertId, string by, DateTimeOffset at);
}
