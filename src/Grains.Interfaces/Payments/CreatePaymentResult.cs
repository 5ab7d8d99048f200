namespace ParkingGrains.Grains.Interfaces.Payments;

/// <summary>A created payment; for VietQR also the payload and its QR code as a base64 PNG.</summary>
public sealed record CreatePaymentResult(PaymentView Payment, string? Payload, string? PngBase64);
