using Orleans;

namespace ParkingGrains.Grains.Interfaces.Payments;

/// <summary>A created payment; for VietQR also the payload and its QR code as a base64 PNG.</summary>
[GenerateSerializer]
[Immutable]
public sealed record CreatePaymentResult(
    [property: Id(0)] PaymentView Payment,
    [property: Id(1)] string? Payload,
    [property: Id(2)] string? PngBase64);
