using System.Text;
using ParkingGrains.Domain.Payments;
using ParkingGrains.GateAgent.Devices;
using SkiaSharp;

namespace ParkingGrains.GateAgent.Tests.Devices;

public sealed class ReceiptRendererTests
{
    private static readonly ReceiptPayee Payee = new("970436", "0071000888888");

    private static Receipt Receipt(decimal paid, decimal due, string currency = "VND", ReceiptPayee? payTo = null) =>
        new("Demo Saigon Central", "51F-123.45",
            new DateTimeOffset(2026, 12, 3, 1, 15, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 3, 3, 20, 0, TimeSpan.Zero),
            "Asia/Ho_Chi_Minh", currency, [new ReceiptLine("First 2 h", 20000), new ReceiptLine("Next 1 h", 10000)], paid, due)
        {
            Ticket = "demo-saigon:42",
            PayTo = payTo ?? Payee,
        };

    /// <summary>
    /// How much of <paramref name="area"/> of the receipt matches the QR image of <paramref name="payload"/> scaled onto
    /// it, dark for dark, light for light, sampled at the centre of every module (4 pixels each in the QR image).
    /// </summary>
    private static double Agreement(SKBitmap receipt, SKRect area, string payload)
    {
        using var qr = SKBitmap.Decode(QrCodeRenderer.RenderPng(payload, pixelsPerModule: 4));
        var n = qr.Width / 4;
        var same = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var (u, v) = ((i + 0.5f) / n, (j + 0.5f) / n);
                var printed = receipt.GetPixel((int)(area.Left + u * area.Width), (int)(area.Top + v * area.Height)).Red < 128;
                var expected = qr.GetPixel((int)(u * qr.Width), (int)(v * qr.Height)).Red < 128;
                same += printed == expected ? 1 : 0;
            }
        }

        return same / (double)(n * n);
    }

    [Fact]
    public void A_png_receipt_with_something_due_carries_the_vietqr_code_for_the_amount_due()
    {
        var rendered = ReceiptRenderer.Render(Receipt(paid: 10000, due: 20000), ReceiptFormat.Png);

        using var bitmap = SKBitmap.Decode(rendered.Content);
        Assert.NotNull(bitmap);
        Assert.Equal(ReceiptRenderer.WidthDots, bitmap.Width);
        Assert.NotNull(rendered.QrPayload);
        var fields = VietQrPayload.Parse(rendered.QrPayload);
        Assert.Equal((20000m, "970436", "0071000888888"), (fields.Amount, fields.BankBin, fields.AccountNumber));
        Assert.Null(rendered.QrProblem);

        Assert.False(rendered.QrBounds.IsEmpty);
        var agreement = Agreement(bitmap, rendered.QrBounds, rendered.QrPayload);
        Assert.True(agreement > 0.97, $"the QR code of the payload is drawn where it says ({agreement:P1})");
        var other = VietQrPayload.Build("970436", "0071000888888", 30000m, "demo-saigon:42");
        Assert.True(Agreement(bitmap, rendered.QrBounds, other) < 0.85, "and it is not any QR code");
    }

    [Fact]
    public void Nothing_due_prints_no_code()
    {
        var rendered = ReceiptRenderer.Render(Receipt(paid: 30000, due: 0), ReceiptFormat.Png);

        Assert.Null(rendered.QrPayload);
        Assert.Null(rendered.QrProblem);
        Assert.True(rendered.QrBounds.IsEmpty);
        using var bitmap = SKBitmap.Decode(rendered.Content);
        Assert.NotNull(bitmap);
    }

    [Theory]
    [InlineData("EUR", "970436", "VND only")]
    [InlineData("VND", "12", "BIN")]
    public void Something_due_that_vietqr_cannot_take_prints_no_code_and_says_why(string currency, string bin, string problem)
    {
        var rendered = ReceiptRenderer.Render(Receipt(paid: 0, due: 30, currency, new ReceiptPayee(bin, "0071000888888")), ReceiptFormat.Png);

        Assert.Null(rendered.QrPayload);
        Assert.Contains(problem, rendered.QrProblem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_pdf_receipt_is_a_pdf_with_the_code_as_an_image_only_when_something_is_due()
    {
        var due = ReceiptRenderer.Render(Receipt(paid: 0, due: 30000), ReceiptFormat.Pdf);
        var paid = ReceiptRenderer.Render(Receipt(paid: 30000, due: 0), ReceiptFormat.Pdf);

        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(due.Content, 0, 5), StringComparison.Ordinal);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(paid.Content, 0, 5), StringComparison.Ordinal);
        Assert.Contains("/Subtype /Image", Encoding.Latin1.GetString(due.Content), StringComparison.Ordinal);
        Assert.DoesNotContain("/Subtype /Image", Encoding.Latin1.GetString(paid.Content), StringComparison.Ordinal);
        Assert.NotNull(due.QrPayload);
    }

    [Fact]
    public void Times_are_printed_in_the_lot_time_zone()
    {
        var text = ReceiptRenderer.Text(Receipt(paid: 30000, due: 0));

        Assert.Contains("Entry", text, StringComparison.Ordinal);
        Assert.Contains("2026-12-03 08:15", text, StringComparison.Ordinal); // 01:15 UTC in Ho Chi Minh City (UTC+7)
        Assert.Contains("2026-12-03 10:20", text, StringComparison.Ordinal);
        Assert.Contains("2 h 05 min", text, StringComparison.Ordinal);
        Assert.Contains("Asia/Ho_Chi_Minh", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[VietQR]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stay_across_a_daylight_saving_change_shows_local_clock_times_and_the_real_duration()
    {
        // Berlin, 2026-03-29: clocks go from 02:00 to 03:00. 00:30 UTC is 01:30 CET; 02:30 UTC is 04:30 CEST.
        var receipt = new Receipt("Berlin", "B-AB 1234", new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 29, 2, 30, 0, TimeSpan.Zero), "Europe/Berlin", "EUR", [new ReceiptLine("2 h", 4m)], 0m, 4m);

        var text = ReceiptRenderer.Text(receipt);

        Assert.Contains("2026-03-29 01:30", text, StringComparison.Ordinal);
        Assert.Contains("2026-03-29 04:30", text, StringComparison.Ordinal);
        Assert.Contains("2 h 00 min", text, StringComparison.Ordinal);
        Assert.Contains("4.00 EUR", text, StringComparison.Ordinal);
        Assert.Contains("pay station", text, StringComparison.Ordinal); // something due, no VietQR for EUR
    }

    [Fact]
    public void An_unknown_time_zone_prints_utc_rather_than_no_receipt()
    {
        var text = ReceiptRenderer.Text(Receipt(paid: 0, due: 30000) with { TimeZoneId = "Mars/Olympus" });

        Assert.Contains("2026-12-03 01:15", text, StringComparison.Ordinal);
        Assert.Contains("UTC", text, StringComparison.Ordinal);
        Assert.Contains("[VietQR]", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 12, "12 min")]
    [InlineData(2, 5, "2 h 05 min")]
    [InlineData(27, 10, "1 d 3 h 10 min")]
    [InlineData(-1, 0, "0 min")]
    public void Stays_read_as_days_hours_minutes(int hours, int minutes, string expected) =>
        Assert.Equal(expected, ReceiptRenderer.FormatStay(new TimeSpan(hours, minutes, 0)));

    [Theory]
    [InlineData(25000, "VND", "25,000 VND")]
    [InlineData(3.5, "EUR", "3.50 EUR")]
    [InlineData(1.234, "KWD", "1.234 KWD")]
    public void Money_reads_in_the_currency_minor_unit(decimal amount, string currency, string expected) =>
        Assert.Equal(expected, ReceiptRenderer.FormatMoney(amount, currency));
}
