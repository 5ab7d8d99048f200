using System.Globalization;
using ParkingGrains.Domain.Payments;
using ParkingGrains.Grains.Interfaces.Validation;
using SkiaSharp;

namespace ParkingGrains.GateAgent.Devices;

/// <summary>
/// Lays out an exit receipt for an 80 mm roll (576 dots at 203 dpi) and renders it as PNG or PDF with SkiaSharp: lot
/// name, plate, ticket, entry and exit in the lot's time zone, the stay, fee lines, total, paid, due, and — when
/// something is due in VND and the lot has an account — the VietQR code for exactly the amount due
/// (<see cref="VietQrPayload"/>, drawn from <see cref="QrCodeRenderer"/>'s PNG, module edges kept sharp). Text from
/// outside (lot name, plate, labels) loses control and bidi characters and is cut to the paper's width. Pure: no I/O.
/// </summary>
public static class ReceiptRenderer
{
    public const int WidthDots = 576;
    public const float DotsPerInch = 203;
    private const float Margin = 24;
    private const float QrSize = 320;
    private const int MaxText = 40;
    private static readonly SKTypeface s_regular = SKTypeface.FromFamilyName("DejaVu Sans") ?? SKTypeface.Default;
    private static readonly SKTypeface s_bold = SKTypeface.FromFamilyName("DejaVu Sans", SKFontStyle.Bold) ?? SKTypeface.Default;

    public static RenderedReceipt Render(Receipt receipt, ReceiptFormat format)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var (payload, problem) = QrFor(receipt);
        var rows = Rows(receipt, payload);
        var height = rows.Sum(r => r.Height) + 2 * Margin;
        using var qr = payload is null ? null : SKImage.FromEncodedData(QrCodeRenderer.RenderPng(payload, pixelsPerModule: 4));
        var qrBounds = SKRect.Empty;
        byte[] content;
        if (format == ReceiptFormat.Png)
        {
            using var surface = SKSurface.Create(new SKImageInfo(WidthDots, (int)Math.Ceiling(height), SKColorType.Rgba8888, SKAlphaType.Premul));
            qrBounds = Draw(surface.Canvas, rows, qr);
            using var image = surface.Snapshot();
            using var data = image.Encode(SKEncodedImageFormat.Png, 100);
            content = data.ToArray();
        }
        else
        {
            using var stream = new MemoryStream();
            using (var document = SKDocument.CreatePdf(stream))
            {
                var scale = 72f / DotsPerInch; // PDF units are points
                var page = document.BeginPage(WidthDots * scale, height * scale);
                page.Scale(scale);
                qrBounds = Draw(page, rows, qr);
                document.EndPage();
                document.Close();
            }

            content = stream.ToArray();
        }

        return new RenderedReceipt(format, content, payload, qrBounds, problem);
    }

    /// <summary>
    /// The same receipt as plain text, 40 columns (a text-only printer, the lane UI, logs): the rows of the image, a
    /// label and its value on each line, <c>[VietQR]</c> where the code goes.
    /// </summary>
    public static string Text(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var text = new System.Text.StringBuilder();
        foreach (var row in Rows(receipt, QrFor(receipt).Payload))
        {
            var line = row.Kind switch
            {
                RowKind.Title or RowKind.Centered => row.Text.PadLeft((MaxText + row.Text.Length) / 2),
                RowKind.Pair => row.Text + " " + (row.Value ?? "").PadLeft(Math.Max(0, MaxText - row.Text.Length - 1)),
                RowKind.Rule => new string('-', MaxText),
                _ => "[VietQR]".PadLeft((MaxText + 8) / 2),
            };
            text.Append(line.TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>"2 h 05 min", "1 d 3 h 10 min", "12 min" (started minutes are not rounded up: the fee lines say what counts).</summary>
    public static string FormatStay(TimeSpan stay)
    {
        if (stay < TimeSpan.Zero)
        {
            stay = TimeSpan.Zero;
        }

        var minutes = stay.Minutes.ToString("00", CultureInfo.InvariantCulture);
        return stay.TotalDays >= 1 ? $"{(int)stay.TotalDays} d {stay.Hours} h {minutes} min"
            : stay.TotalHours >= 1 ? $"{stay.Hours} h {minutes} min"
            : $"{stay.Minutes} min";
    }

    /// <summary>"25,000 VND", "3.50 EUR": the currency's minor unit digits, invariant grouping.</summary>
    public static string FormatMoney(decimal amount, string currency)
    {
        var digits = MoneyRules.MinorUnits(currency);
        return amount.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + currency;
    }

    private static (string? Payload, string? Problem) QrFor(Receipt receipt)
    {
        if (receipt.Due <= 0)
        {
            return (null, null);
        }

        if (receipt.PayTo is not { } payee)
        {
            return (null, "The lot has no VietQR account.");
        }

        if (receipt.Currency != "VND")
        {
            return (null, "VietQR takes VND only.");
        }

        try
        {
            return (VietQrPayload.Build(payee.BankBin, payee.AccountNumber, receipt.Due, receipt.Ticket ?? receipt.Plate), null);
        }
        catch (ArgumentException ex)
        {
            return (null, ex.Message);
        }
    }

    private static List<Row> Rows(Receipt r, string? qrPayload)
    {
        var zone = FindZone(r.TimeZoneId);
        var rows = new List<Row>
        {
            new(RowKind.Title, Clean(r.LotName), null, 52),
            new(RowKind.Centered, "PARKING RECEIPT", null, 36),
            new(RowKind.Rule, "", null, 20),
            new(RowKind.Pair, "Plate", Clean(r.Plate), 34, Bold: true),
        };
        if (!string.IsNullOrWhiteSpace(r.Ticket))
        {
            rows.Add(new Row(RowKind.Pair, "Ticket", Clean(r.Ticket), 34));
        }

        rows.Add(new Row(RowKind.Pair, "Entry", Local(r.EntryTime, zone), 34));
        rows.Add(new Row(RowKind.Pair, "Exit", Local(r.ExitTime, zone), 34));
        rows.Add(new Row(RowKind.Pair, "Stay", FormatStay(r.ExitTime - r.EntryTime), 34));
        rows.Add(new Row(RowKind.Pair, "Time zone", Clean(zone.Id), 34));
        rows.Add(new Row(RowKind.Rule, "", null, 20));
        foreach (var line in r.FeeLines)
        {
            rows.Add(new Row(RowKind.Pair, Clean(line.Label), FormatMoney(line.Amount, r.Currency), 34));
        }

        rows.Add(new Row(RowKind.Pair, "Total", FormatMoney(r.Fee, r.Currency), 36, Bold: true));
        rows.Add(new Row(RowKind.Pair, "Paid", FormatMoney(r.Paid, r.Currency), 34));
        rows.Add(new Row(RowKind.Pair, "Due", FormatMoney(Math.Max(r.Due, 0), r.Currency), 42, Bold: true));
        rows.Add(new Row(RowKind.Rule, "", null, 20));
        if (qrPayload is not null)
        {
            rows.Add(new Row(RowKind.Centered, "Scan to pay with VietQR", null, 36));
            rows.Add(new Row(RowKind.Qr, "", null, QrSize + 16));
            rows.Add(new Row(RowKind.Centered, FormatMoney(r.Due, r.Currency), null, 40, Bold: true));
            rows.Add(new Row(RowKind.Rule, "", null, 20));
        }
        else if (r.Due > 0)
        {
            rows.Add(new Row(RowKind.Centered, "Please pay at the pay station", null, 36));
        }

        rows.Add(new Row(RowKind.Centered, "Thank you. Drive safely.", null, 36));
        return rows;
    }

    private static SKRect Draw(SKCanvas canvas, List<Row> rows, SKImage? qr)
    {
        canvas.Clear(SKColors.White);
        using var paint = new SKPaint { IsAntialias = true, Color = SKColors.Black };
        using var regular = new SKFont(s_regular, 24);
        using var bold = new SKFont(s_bold, 24);
        using var title = new SKFont(s_bold, 34);
        var qrBounds = SKRect.Empty;
        var y = Margin;
        foreach (var row in rows)
        {
            var baseline = y + row.Height * 0.72f;
            switch (row.Kind)
            {
                case RowKind.Title:
                    DrawCentered(canvas, row.Text, baseline, Fit(title, row.Text, WidthDots - 2 * Margin), paint);
                    break;
                case RowKind.Centered:
                    DrawCentered(canvas, row.Text, baseline, row.Bold ? bold : regular, paint);
                    break;
                case RowKind.Pair:
                    var font = row.Bold ? bold : regular;
                    canvas.DrawText(row.Text, Margin, baseline, SKTextAlign.Left, font, paint);
                    canvas.DrawText(row.Value ?? "", WidthDots - Margin, baseline, SKTextAlign.Right, font, paint);
                    break;
                case RowKind.Rule:
                    paint.StrokeWidth = 2;
                    canvas.DrawLine(Margin, y + row.Height / 2, WidthDots - Margin, y + row.Height / 2, paint);
                    break;
                case RowKind.Qr when qr is not null:
                    qrBounds = SKRect.Create((WidthDots - QrSize) / 2, y + 8, QrSize, QrSize);
                    // Nearest neighbour: a smoothed module edge is harder for a phone to read.
                    canvas.DrawImage(qr, qrBounds, new SKSamplingOptions(SKFilterMode.Nearest), null);
                    break;
            }

            y += row.Height;
        }

        return qrBounds;
    }

    private static void DrawCentered(SKCanvas canvas, string text, float baseline, SKFont font, SKPaint paint) =>
        canvas.DrawText(text, WidthDots / 2f, baseline, SKTextAlign.Center, font, paint);

    private static SKFont Fit(SKFont font, string text, float width)
    {
        var measured = font.MeasureText(text);
        if (measured > width)
        {
            font.Size = font.Size * width / measured;
        }

        return font;
    }

    private static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return TimeZoneInfo.Utc; // printed as "UTC": a receipt is still better than none at the exit
        }
    }

    private static string Clean(string? text)
    {
        var cleaned = new string((text ?? "").Where(c => !TextRules.IsUnsafe(c)).ToArray()).Trim();
        return cleaned.Length > MaxText ? cleaned[..(MaxText - 1)] + "…" : cleaned;
    }

    private enum RowKind
    {
        Title,
        Centered,
        Pair,
        Rule,
        Qr,
    }

    private sealed record Row(RowKind Kind, string Text, string? Value, float Height, bool Bold = false);
}
