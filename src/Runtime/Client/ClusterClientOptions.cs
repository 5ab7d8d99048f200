using System.Net;
using System.Reflection;

namespace ParkingGrains.Runtime.Client;

public sealed class ClusterClientOptions
{
    public string ClusterId { get; set; } = "parkinggrains";

    /// <summary>Gateways to bootstrap from; the client then learns every silo and connects to each.</summary>
    public List<IPEndPoint> Gateways { get; } = [];

    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the client asks a gateway for the membership view (also early after a silo was unreachable).</summary>
    public TimeSpan ViewRefreshPeriod { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public int MaxMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Assemblies with grain interfaces the client calls (they are also registered on first use).</summary>
    public List<Assembly> InterfaceAssemblies { get; } = [];
}
