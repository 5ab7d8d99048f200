using SkiaSharp;

namespace ParkingGrains.GateAgent.Devices;

/// <summary>A receipt rendered by <see cref="ReceiptRenderer"/>.</summary>
/// <param name="Content">The PNG or PDF bytes.</param>
/// <param name="QrPayload">The VietQR payload printed, or null when none was.</param>
/// <param name="QrBounds">Where the QR code was drawn, in dots (PNG pixels; in a PDF, dots of 1/203 inch from the page's top left); empty without one.</param>
/// <param name="QrProblem">Why no QR code was printed although something is due (no account, not VND, a bad account), or null.</param>
public sealed record RenderedReceipt(ReceiptFormat Format, byte[] Content, string? QrPayload, SKRect QrBounds, string? QrProblem);
