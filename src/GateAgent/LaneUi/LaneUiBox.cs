namespace ParkingGrains.GateAgent.LaneUi;

/// <summary>The plate's rectangle in the frame's pixels; the page scales it to the image as shown.</summary>
public sealed record LaneUiBox(int X, int Y, int Width, int Height);
