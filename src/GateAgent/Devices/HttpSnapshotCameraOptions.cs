namespace ParkingGrains.GateAgent.Devices;

/// <summary>An IP camera's snapshot URL (e.g. <c>http://10.0.0.20/cgi-bin/snapshot.jpg</c>).</summary>
public sealed record HttpSnapshotCameraOptions(Uri Url)
{
    /// <summary>A snapshot slower than this is useless at a lane: the car is gone. Logged, no frame.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);
}
