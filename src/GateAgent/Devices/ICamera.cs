using System.Threading.Channels;

namespace ParkingGrains.GateAgent.Devices;

/// <summary>A lane camera. Frames arrive in <see cref="Frames"/>; errors are logged by the driver, never thrown to the lane.</summary>
public interface ICamera : ILaneDevice
{
    ChannelReader<CameraFrame> Frames { get; }

    /// <summary>
    /// Takes a frame now (a vehicle reached the approach loop); it arrives in <see cref="Frames"/> once this completes,
    /// or not at all if the camera failed (logged). Cameras that deliver on their own (a watched folder) ignore it.
    /// </summary>
    Task TriggerAsync(CancellationToken cancellationToken = default);
}
