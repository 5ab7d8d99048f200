using System.Globalization;
using SkiaSharp;

namespace ParkingGrains.PlateRecognition;

/// <summary>Decodes caller bytes with SkiaSharp, refusing what is not a usable image before decoding any pixels.</summary>
internal static class ImageDecoding
{
    public static SKBitmap Decode(ReadOnlySpan<byte> bytes, PlateReaderOptions options)
    {
        if (bytes.IsEmpty)
        {
            throw new PlateImageException(PlateImageProblem.Empty, "The image is empty (0 bytes).");
        }

        if (bytes.Length > options.MaxImageBytes)
        {
            throw new PlateImageException(PlateImageProblem.TooLarge,
                string.Create(CultureInfo.InvariantCulture, $"The image has {bytes.Length:N0} bytes; at most {options.MaxImageBytes:N0} are read."));
        }

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data)
            ?? throw new PlateImageException(PlateImageProblem.Corrupt, "The data is not an image in a known format (PNG, JPEG, WebP, BMP, GIF).");
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0)
        {
            throw new PlateImageException(PlateImageProblem.Corrupt, "The image has no pixels.");
        }

        if ((long)info.Width * info.Height > options.MaxImagePixels)
        {
            throw new PlateImageException(PlateImageProblem.TooManyPixels,
                string.Create(CultureInfo.InvariantCulture, $"The image is {info.Width}×{info.Height} pixels; at most {options.MaxImagePixels:N0} pixels are read."));
        }

        var bitmap = new SKBitmap(new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        // A truncated file (IncompleteInput) is a failed transfer, not a frame: refused like corrupt data.
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw new PlateImageException(PlateImageProblem.Corrupt, $"The image could not be decoded ({result}).");
        }

        return bitmap;
    }
}
