namespace ParkingGrains.Domain.Payments;

/// <summary>A VietQR payload read back by <see cref="VietQrPayload.Parse"/> (its CRC already verified).</summary>
/// <param name="PointOfInitiation">"11" static (reusable, payer types the amount) or "12" dynamic (one transaction).</param>
/// <param name="ServiceCode">"QRIBFTTA" (transfer to an account) or "QRIBFTTC" (transfer to a card).</param>
/// <param name="Currency">ISO 4217 numeric code, "704" for VND.</param>
/// <param name="Amount">Tag 54 when present (VND: an integer).</param>
/// <param name="Purpose">Tag 62, sub-tag 08 when present.</param>
/// <param name="Crc">Tag 63 as written in the payload (four hex digits).</param>
public sealed record VietQrFields(
    string PayloadFormatIndicator,
    string PointOfInitiation,
    string Guid,
    string BankBin,
    string AccountNumber,
    string ServiceCode,
    string Currency,
    decimal? Amount,
    string Country,
    string? Purpose,
    string Crc)
{
    public bool IsDynamic => PointOfInitiation == VietQrPayload.DynamicInitiation;
}
