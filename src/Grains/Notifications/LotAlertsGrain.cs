using ParkingGrains.Grains.Persistence;
using System.Security.Cryptography;
using System.Text;
using ParkingGrains.Grains.Interfaces.Notifications;

namespace ParkingGrains.Grains.Notifications;

/// <summary>
/// Keeps a lot's recent alerts. Alerts arrive from the lot's publisher after the decision that caused them is
/// durable; an alert without an id (older publishers) gets one from its content, so a re-publish is still one alert.
/// </summary>
public sealed class LotAlertsGrain([PersistentState("alerts")] IPersistentState<LotAlertsState> state) : Grain, ILotAlertsGrain
{
    private List<AlertView> Alerts => state.State.Alerts;

    public async Task Record(LotAlert alert)
    {
        var id = alert.AlertId ?? $"{alert.At.UtcTicks}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(alert.Text)))[..12]}";
        if (Alerts.Exists(a => a.AlertId == id))
        {
            return;
        }

        Alerts.Add(new AlertView(id, alert.LotId, alert.Text, alert.Severity, alert.At));
        if (Alerts.Count > ILotAlertsGrain.Capacity)
        {
            Alerts.RemoveRange(0, Alerts.Count - ILotAlertsGrain.Capacity);
        }

        await this.WriteOrForgetAsync(state);
    }

    public Task<IReadOnlyList<AlertView>> List(int limit, bool includeAcknowledged) =>
        Task.FromResult<IReadOnlyList<AlertView>>(Alerts
            .Where(a => includeAcknowledged || a.AcknowledgedAt is null)
            .Reverse()
            .Take(Math.Clamp(limit, 1, ILotAlertsGrain.Capacity))
            .ToList());

    public async Task<AlertView?> Acknowledge(string alertId, string by, DateTimeOffset at)
    {
        var index = Alerts.FindIndex(a => a.AlertId == alertId);
        if (index < 0)
        {
            return null;
        }

        if (Alerts[index].AcknowledgedAt is null)
        {
            Alerts[index] = Alerts[index] with { AcknowledgedBy = by, AcknowledgedAt = at };
            await this.WriteOrForgetAsync(state);
        }

        return Alerts[index];
    }
}
