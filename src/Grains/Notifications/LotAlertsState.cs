using ParkingGrains.Grains.Interfaces.Notifications;

namespace ParkingGrains.Grains.Notifications;

public sealed class LotAlertsState
{
    /// <summary>Oldest first.</summary>
    public List<AlertView> Alerts { get; set; } = [];
}
