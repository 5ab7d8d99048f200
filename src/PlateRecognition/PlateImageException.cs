namespace ParkingGrains.PlateRecognition;

/// <summary>The bytes are not an image the reader will decode; the message never contains the bytes.</summary>
public sealed class PlateImageException(PlateImageProblem problem, string message) : Exception(message)
{
    public PlateImageProblem Problem { get; } = problem;
}
