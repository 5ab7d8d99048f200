namespace ParkingGrains.Runtime.Messaging;

/// <summary>A peer sent bytes that are not our protocol; the connection is closed, the silo carries on.</summary>
internal sealed class ProtocolException(string message) : Exception(message);
