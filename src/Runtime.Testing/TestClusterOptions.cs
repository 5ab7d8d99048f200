using System.Reflection;
using Microsoft.Extensions.Logging;
using ParkingGrains.Runtime.Client;
using ParkingGrains.Runtime.Hosting;

namespace ParkingGrains.Runtime.Testing;

public sealed class TestClusterOptions
{
    public int InitialSiloCount { get; set; } = 2;

    public string ClusterId { get; set; } = $"test-{Guid.NewGuid():N}"[..17];

    public List<Assembly> GrainAssemblies { get; } = [];

    /// <summary>Runs for every silo after the defaults (shared in-memory membership, storage "Default" and reminders).</summary>
    public Action<SiloBuilder>? ConfigureSilo { get; set; }

    public Action<ClusterClientOptions>? ConfigureClient { get; set; }

    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;
}
