namespace ParkingGrains.PlateRecognition;

/// <summary>Why an image was refused before any recognition ran.</summary>
public enum PlateImageProblem
{
    Empty,
    TooLarge,
    TooManyPixels,
    Corrupt,
}
