namespace ParkingGrains.GateAgent.Devices;

/// <summary>
/// What an exit receipt shows. Times are instants; the receipt prints them in the lot's time zone
/// (<paramref name="TimeZoneId"/>, IANA). Amounts are in <paramref name="Currency"/>; the fee is the sum of
/// <paramref name="FeeLines"/>. A VietQR code to pay <paramref name="Due"/> is printed when something is due, the
/// currency is VND and <see cref="PayTo"/> is set.
/// </summary>
public sealed record Receipt(
    string LotName,
    string Plate,
    DateTimeOffset EntryTime,
    DateTimeOffset ExitTime,
    string TimeZoneId,
    string Currency,
    IReadOnlyList<ReceiptLine> FeeLines,
    decimal Paid,
    decimal Due)
{
    /// <summary>The ticket or session id: printed, and the purpose of the VietQR transfer (so the payment finds its stay).</summary>
    public string? Ticket { get; init; }

    public ReceiptPayee? PayTo { get; init; }

    public decimal Fee => FeeLines.Sum(l => l.Amount);
}
