namespace ParkingGrains.Runtime.Membership;

/// <summary>An active silo as placement and clients see it.</summary>
public sealed record ClusterMember(SiloAddress SiloAddress, int GatewayPort);
