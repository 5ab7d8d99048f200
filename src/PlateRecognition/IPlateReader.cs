namespace ParkingGrains.PlateRecognition;

/// <summary>Reads the licence plate in a camera frame or a plate crop (PNG, JPEG, WebP, BMP, GIF).</summary>
public interface IPlateReader
{
    /// <summary>
    /// Reads the best plate in <paramref name="image"/>; a frame without a readable plate gives an empty read.
    /// Throws <see cref="PlateImageException"/> for data that is not a usable image (empty, corrupt, too large).
    /// Safe to call concurrently.
    /// </summary>
    Task<PlateRead> ReadAsync(ReadOnlyMemory<byte> image, CancellationToken cancellationToken = default);
}
