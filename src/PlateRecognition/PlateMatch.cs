namespace ParkingGrains.PlateRecognition;

/// <summary>
/// How a raw OCR string fits a plate grammar: the corrected <paramref name="Text"/> (upper case, no separators), its
/// printed form, the format, how many characters were changed by position (a letter read where a digit belongs), and
/// how many separators of the read disagree with the printed form (seen where it has none, or missing).
/// </summary>
public sealed record PlateMatch(string Text, string Display, PlateFormat Format, int Corrections, int SeparatorMisses = 0)
{
    public bool Fits => Format != PlateFormat.Unknown;
}
