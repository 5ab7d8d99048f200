namespace ParkingGrains.PlateRecognition;

/// <summary>
/// One plate read. <paramref name="Text"/> is upper case without separators (<c>51F12345</c>), empty when nothing
/// readable was found; <paramref name="Display"/> is the plate as printed (<c>51F-123.45</c>); <paramref name="Confidence"/>
/// is 0–1 and stays low for a read that fits no plate grammar, so the lane asks the operator instead of guessing.
/// </summary>
public sealed record PlateRead(string Text, string Display, double Confidence, PlateBox Box, PlateFormat Format, TimeSpan Elapsed)
{
    /// <summary>Nothing plate-like in the image.</summary>
    public static PlateRead None(TimeSpan elapsed) => new(string.Empty, string.Empty, 0, default, PlateFormat.Unknown, elapsed);

    public bool IsEmpty => Text.Length == 0;

    /// <summary>Whether the lane may act on this read without an operator confirming it.</summary>
    public bool IsConfident(double threshold) => !IsEmpty && Format != PlateFormat.Unknown && Confidence >= threshold;
}
