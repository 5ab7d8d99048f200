using System.Net;
using System.Reflection;

namespace ParkingGrains.Runtime.Hosting;

/// <summary>Everything a silo needs to know about itself. Defaults follow Orleans where it has one.</summary>
public sealed class SiloOptions
{
    /// <summary>Silos and clients only talk within one cluster id.</summary>
    public string ClusterId { get; set; } = "parkinggrains";

    /// <summary>Scopes durable state and reminders; stays the same across deployments of one service.</summary>
    public string ServiceId { get; set; } = "parkinggrains";

    public string SiloName { get; set; } = Environment.MachineName;

    /// <summary>The address other silos and clients reach this silo on (and listen on).</summary>
    public IPAddress AdvertisedAddress { get; set; } = IPAddress.Loopback;

    /// <summary>Address the listeners bind to; null binds the advertised address.</summary>
    public IPAddress? ListenAddress { get; set; }

    /// <summary>Silo-to-silo port; 0 picks a free port (tests).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port; 0 picks a free port, -1 disables the gateway.</summary>
    public int GatewayPort { get; set; } = 30000;

    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation unused this long is deactivated (Orleans: 15 minutes).</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Frames above this size close the connection; oversized outgoing calls fail with a clear error.</summary>
    public int MaxMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>A request is passed on at most this often while silos disagree about its owner.</summary>
    public int MaxForwardCount { get; set; } = 2;

    /// <summary>Reminders with a shorter period are refused (Orleans: 1 minute); tests lower it.</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the reminder table is re-read besides on every membership change.</summary>
    public TimeSpan ReminderRefreshPeriod { get; set; } = TimeSpan.FromMinutes(1);

    public List<Assembly> GrainAssemblies { get; } = [];
}
