using Orleans;

namespace ParkingGrains.Grains.Interfaces.Notifications;

/// <summary>
/// Receives a lot's live changes (one observer per web host). Every method is one-way (void): the publisher never
/// waits for a web host, and delivery is best effort — a dashboard that misses a push re-reads the REST views.
/// </summary>
public interface ILotObserver : IGrainObserver
{
    void OnSlotChanged(SlotChanged change);

    void OnCountsChanged(LotCountsChanged counts);

    void OnSessionStarted(SessionStarted session);

    void OnSessionEnded(SessionEnded session);

    void OnGateStatus(GateStatusChanged gate);

    void OnAlert(LotAlert alert);
}
