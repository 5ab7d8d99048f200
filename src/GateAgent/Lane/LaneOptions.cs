using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.GateAgent.LaneUi;

namespace ParkingGrains.GateAgent.Lane;

/// <summary>
/// One lane's settings (configuration section <c>Lane</c>; environment <c>Lane__GateId</c> …). The key is a secret: it
/// comes from configuration (environment, a mounted file), never from code.
/// </summary>
public sealed class LaneOptions
{
    public string GateId { get; set; } = "";

    /// <summary>The gate's key, as issued by <c>POST /api/gates/{gateId}/key</c>.</summary>
    public string Key { get; set; } = "";

    public string AgentId { get; set; } = Environment.MachineName;

    /// <summary>Silo gateways, "host:port" separated by commas.</summary>
    public string Gateways { get; set; } = "127.0.0.1:30000";

    public string ClusterId { get; set; } = "parkinggrains";

    public string? ServiceId { get; set; }

    /// <summary>How long a car waits for the cluster before the lane decides on its own.</summary>
    public TimeSpan ClusterTimeout { get; set; } = TimeSpan.FromSeconds(1.5);

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often the offline cache (counts, tariff, cards, stays) is refreshed while the cluster answers.</summary>
    public TimeSpan CacheRefreshInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Free places of a class kept in reserve when deciding offline (other lanes may fill them meanwhile).</summary>
    public int OfflineCapacityMargin { get; set; } = 2;

    /// <summary>An offline exit the lot does not know yet (its entry is still in another lane's outbox) is retried this long before it becomes an alert.</summary>
    public TimeSpan UnknownExitRetryWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The local journal (SQLite): the offline cache and the outbox.</summary>
    public string JournalPath { get; set; } = "lane-journal.db";

    public VehicleClass DefaultVehicleClass { get; set; } = VehicleClass.Car;

    /// <summary>Entry or exit; when unset, the direction the lot gave the gate (from the cache).</summary>
    public GateDirection? Direction { get; set; }

    /// <summary>How long the barrier stays up for an admitted vehicle (it never closes on one: the loop holds it).</summary>
    public TimeSpan BarrierOpenTime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Simulated devices and a gentle traffic generator (what ./run.sh starts).</summary>
    public bool Simulate { get; set; }

    /// <summary>Mean time between simulated vehicles.</summary>
    public TimeSpan TrafficInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>A folder the camera drops frames into (a real camera's FTP/SMB upload); unset: the simulated camera.</summary>
    public string? CameraFolder { get; set; }

    /// <summary>Loopback TCP port of the card reader (one card id per line); 0 picks a free port.</summary>
    public int CardReaderPort { get; set; } = 7300;

    /// <summary>Where card ids come from: "tcp" (the port above) or "stdin" (a reader wired to the console).</summary>
    public string CardReader { get; set; } = "tcp";

    /// <summary>Where the simulated printer writes receipts.</summary>
    public string ReceiptFolder { get; set; } = "receipts";

    /// <summary>The lane UI for the security room (section <c>Lane:Ui</c>); off unless enabled.</summary>
    public LaneUiOptions Ui { get; set; } = new();
}
