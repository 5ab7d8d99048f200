namespace ParkingGrains.GateAgent.Devices;

/// <summary>A camera that drops its snapshots into a folder (FTP upload, a vendor's SDK writing files).</summary>
public sealed record FolderCameraOptions(string Folder)
{
    /// <summary>How often files seen but not yet complete are looked at again (a writer's last change may not raise an event).</summary>
    public TimeSpan RecheckInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A file still incomplete after this long is given up on (logged).</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromSeconds(30);
}
