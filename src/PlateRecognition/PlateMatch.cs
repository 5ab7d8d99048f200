namespace ParkingGrains.PlateRecognition;

/// <summary>
/// How a raw OCR string fits a plate grammar: the corrected <paramref name="Text"/> (upper case, no separators), its
/// printed form, the format, and how many characters were changed by position (a letter read where a digit belongs).
/// </summary>
public sealed record PlateMatch(string Text, string Display, PlateFormat Format, int Corrections)
{
    public bool Fits => Format != PlateFormat.Unknown;
}
