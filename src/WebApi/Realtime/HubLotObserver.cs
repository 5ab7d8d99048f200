using Microsoft.AspNetCore.SignalR;
using ParkingGrains.Grains.Interfaces.Notifications;

namespace ParkingGrains.WebApi.Realtime;

/// <summary>
/// This web host's one observer: every lot it subscribed to pushes here, and it forwards each change to the
/// SignalR group of that lot. Sends are not awaited: the runtime's delivery thread must never wait for browsers.
/// </summary>
public sealed class HubLotObserver(IHubContext<LotsHub> hub, ILogger<HubLotObserver> logger) : ILotObserver
{
    public void OnSlotChanged(SlotChanged change) => Send(change.LotId, LotHubMessages.SlotChanged, change);

    public void OnCountsChanged(LotCountsChanged counts) => Send(counts.LotId, LotHubMessages.CountsChanged, counts);

    public void OnSessionStarted(SessionStarted session) => Send(session.LotId, LotHubMessages.SessionStarted, session);

    public void OnSessionEnded(SessionEnded session) => Send(session.LotId, LotHubMessages.SessionEnded, session);

    public void OnGateStatus(GateStatusChanged gate) => Send(gate.LotId, LotHubMessages.GateStatus, gate);

    public void OnAlert(LotAlert alert) => Send(alert.LotId, LotHubMessages.Alert, alert);

    private void Send(string lotId, string method, object message) =>
        _ = SendAsync(lotId, method, message);

    private async Task SendAsync(string lotId, string method, object message)
    {
        try
        {
            await hub.Clients.Group(LotsHub.GroupOf(lotId)).SendAsync(method, message);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not push {Method} for lot {LotId}", method, lotId);
        }
    }
}
