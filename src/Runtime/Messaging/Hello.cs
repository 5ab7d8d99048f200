namespace ParkingGrains.Runtime.Messaging;

/// <summary>The first frame on every connection: who is calling and for which cluster.</summary>
internal sealed record Hello(ConnectionRole Role, string ClusterId, string SenderId);
