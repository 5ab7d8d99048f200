namespace ParkingGrains.GateAgent.Devices;

/// <summary>The two-line display facing the driver.</summary>
public interface ILaneDisplay : ILaneDevice
{
    /// <summary>What the display shows now (blank lines before the first <see cref="ShowAsync"/>).</summary>
    LaneDisplayText Current { get; }

    /// <summary>Replaces both lines; text is cleaned and cut to the display's width (<see cref="LaneDisplayText.Clean"/>).</summary>
    Task ShowAsync(string line1, string line2, CancellationToken cancellationToken = default);
}
