namespace ParkingGrains.Runtime.Membership;

/// <summary>What this silo writes about itself into its membership row.</summary>
/// <param name="SiloAddress">Silo-to-silo endpoint plus this start's generation.</param>
/// <param name="GatewayPort">Port clients connect to; 0 when this silo is not a gateway.</param>
/// <param name="SiloName">A human name for dashboards and logs.</param>
/// <param name="HostName">The machine the silo runs on.</param>
public sealed record LocalSiloDetails(SiloAddress SiloAddress, int GatewayPort = 0, string SiloName = "", string HostName = "");
