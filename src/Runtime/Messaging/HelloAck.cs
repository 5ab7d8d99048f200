namespace ParkingGrains.Runtime.Messaging;

/// <summary>The accepting silo's identity and, for clients, which grain type implements each interface.</summary>
internal sealed record HelloAck(SiloAddress Silo, IReadOnlyDictionary<int, string> Manifest);
