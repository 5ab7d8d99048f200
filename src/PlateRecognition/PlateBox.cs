namespace ParkingGrains.PlateRecognition;

/// <summary>The plate's rectangle in the decoded frame, in pixels, for the lane UI to draw; empty when nothing was found.</summary>
public readonly record struct PlateBox(int X, int Y, int Width, int Height)
{
    public bool IsEmpty => Width <= 0 || Height <= 0;
}
