namespace ParkingGrains.PlateRecognition;

/// <summary>Which plate grammar a read fits; <see cref="Unknown"/> when it fits none (its confidence is then kept low).</summary>
public enum PlateFormat
{
    Unknown,
    Vietnamese,
    Eu,
    Generic,
}
