namespace ParkingGrains.GateAgent.Devices;

/// <summary>A still from a lane camera: the encoded image (PNG or JPEG, as the camera sent it), when, and from where.</summary>
public sealed record CameraFrame(byte[] Image, DateTimeOffset CapturedAt, string Source)
{
    /// <summary>Larger images are refused by every camera driver (the plate reader refuses them too).</summary>
    public const int MaxImageBytes = 20 * 1024 * 1024;
}
