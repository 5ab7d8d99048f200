namespace ParkingGrains.WebApi.Realtime;

/// <summary>The client methods <see cref="LotsHub"/> invokes (payloads are the Notifications records, camelCase JSON).</summary>
public static class LotHubMessages
{
    public const string SlotChanged = "slotChanged";
    public const string CountsChanged = "countsChanged";
    public const string SessionStarted = "sessionStarted";
    public const string SessionEnded = "sessionEnded";
    public const string GateStatus = "gateStatus";
    public const string Alert = "alert";
}
