namespace ParkingGrains.Runtime;

/// <summary>A connection to the cluster from outside a grain (web host, gate agent, tests).</summary>
public interface IClusterClient : IGrainFactory
{
    /// <summary>Silos the client currently believes active, as "endpoint@generation".</summary>
    IReadOnlyList<SiloAddress> ActiveSilos { get; }
}
