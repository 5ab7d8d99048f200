namespace ParkingGrains.GateAgent.Devices;

/// <summary>Recognising camera image files by their bytes, not their names.</summary>
internal static class ImageFiles
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    // The IEND chunk: length 0, type, and its fixed CRC. A PNG is complete when it ends with it.
    private static ReadOnlySpan<byte> PngEnd => [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    public static bool IsSupportedName(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".png" or ".jpg" or ".jpeg";

    /// <summary>
    /// True when the bytes are a whole PNG (ends with IEND) or JPEG (starts with SOI, ends with EOI). A file still being
    /// written fails this, which is how the watched folder knows to wait — its size alone says nothing.
    /// </summary>
    public static bool IsComplete(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(PngSignature))
        {
            return data.EndsWith(PngEnd);
        }

        return data.Length >= 4 && data[0] == 0xFF && data[1] == 0xD8 && data[^2] == 0xFF && data[^1] == 0xD9;
    }
}
