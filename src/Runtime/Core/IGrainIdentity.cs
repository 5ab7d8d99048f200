namespace ParkingGrains.Runtime.Core;

/// <summary>Implemented by grain proxies and grain instances so either can say which grain it is.</summary>
internal interface IGrainIdentity
{
    GrainId GrainId { get; }
}
