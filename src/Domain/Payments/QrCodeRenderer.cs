using QRCoder;

namespace ParkingGrains.Domain.Payments;

/// <summary>Renders a QR payload as PNG or SVG (QRCoder, error correction M: survives ~15% damage, as VietQR apps print).</summary>
public static class QrCodeRenderer
{
    public const int DefaultPixelsPerModule = 8;

    public static byte[] RenderPng(string payload, int pixelsPerModule = DefaultPixelsPerModule)
    {
        using var data = Encode(payload, pixelsPerModule);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(pixelsPerModule);
    }

    public static string RenderPngBase64(string payload, int pixelsPerModule = DefaultPixelsPerModule) =>
        Convert.ToBase64String(RenderPng(payload, pixelsPerModule));

    public static string RenderSvg(string payload, int pixelsPerModule = DefaultPixelsPerModule)
    {
        using var data = Encode(payload, pixelsPerModule);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(pixelsPerModule);
    }

    private static QRCodeData Encode(string payload, int pixelsPerModule)
    {
        ArgumentException.ThrowIfNullOrEmpty(payload);
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelsPerModule, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pixelsPerModule, 40);
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
    }
}
