namespace ParkingGrains.PlateRecognition;

/// <summary>Settings of <see cref="OnnxPlateReader"/>; the defaults suit one lane per core.</summary>
public sealed record PlateReaderOptions
{
    /// <summary>Folder with the detector, the recogniser and the key list; default <c>models/</c> beside the program.</summary>
    public string ModelDirectory { get; init; } = Path.Combine(AppContext.BaseDirectory, "models");

    /// <summary>Threads per inference; 1 because the targets are per core and lanes run side by side.</summary>
    public int IntraOpNumThreads { get; init; } = 1;

    /// <summary>A read below this confidence goes to the operator to confirm or type.</summary>
    public double ConfirmThreshold { get; init; } = 0.8;

    /// <summary>Larger files are refused unread (a camera frame is well under 1 MB).</summary>
    public long MaxImageBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Larger images are refused before their pixels are decoded (a decoded 20 MP frame is 80 MB).</summary>
    public long MaxImagePixels { get; init; } = 20_000_000;

    /// <summary>The detector sees the frame scaled so its longer side is at most this (its cost grows with pixels).</summary>
    public int DetectorMaxSide { get; init; } = 640;
}
