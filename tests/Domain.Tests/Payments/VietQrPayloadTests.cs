using System.Text;
using ParkingGrains.Domain.Payments;

namespace ParkingGrains.Domain.Tests.Payments;

public sealed class VietQrPayloadTests
{
    // A dynamic code as issued by a payment provider in production (payOS, MB Bank BIN 970422), CRC included:
    // an external reference, so the golden string is not merely our own output written down.
    private const string Golden =
        "000201" + "010212" +
        "3857" + "0010A000000727" + "0127" + "0006970422" + "0113VQRQADAIJ5512" + "0208QRIBFTTA" +
        "5303704" + "54047000" + "5802VN" + "6212" + "0808TL89 100" + "6304E346";

    [Fact]
    public void GoldenDynamicPayload_IsReproducedExactly()
    {
        var payload = VietQrPayload.Build("970422", "VQRQADAIJ5512", 7000m, "TL89 100");

        Assert.Equal(Golden, payload);
        Assert.Equal("E346", payload[^4..]);
    }

    [Fact]
    public void ASecondReferencePayload_IsReproducedExactly()
    {
        var payload = VietQrPayload.Build("970436", "1023456789", 1_943_000m, "TT000069");

        Assert.Equal("00020101021238540010A00000072701240006970436011010234567890208QRIBFTTA5303704540719430005802VN62120808TT0000696304A8E5", payload);
    }

    [Fact]
    public void Crc_MatchesAnIndependentBitByBitImplementation_AndTheStandardCheckValue()
    {
        Assert.Equal(0x29B1, BitByBitCrc("123456789"));
        Assert.Equal(0x29B1, VietQrPayload.Crc16("123456789"u8));

        foreach (var text in new[] { Golden[..^4], "", "6304", "00020101021138540010A00000072701240006970436011010234567890208QRIBFTTA53037045802VN6304" })
        {
            Assert.Equal(BitByBitCrc(text).ToString("X4"), VietQrPayload.Crc16Hex(text));
        }

        // The CRC covers the payload up to and including "6304".
        Assert.Equal("E346", BitByBitCrc(Golden[..^4]).ToString("X4"));
    }

    [Fact]
    public void StaticCode_HasInitiation11AndNoAmount_DynamicHas12AndTag54()
    {
        var staticCode = VietQrPayload.Build("970436", "1023456789");
        var dynamicCode = VietQrPayload.Build("970436", "1023456789", 50_000m);

        Assert.StartsWith("000201010211", staticCode);
        Assert.DoesNotContain("5405", staticCode);
        Assert.Equal("00020101021138540010A00000072701240006970436011010234567890208QRIBFTTA53037045802VN6304" + BitByBitCrc(staticCode[..^4]).ToString("X4"), staticCode);
        Assert.StartsWith("000201010212", dynamicCode);
        Assert.Contains("5303704" + "540550000" + "5802VN", dynamicCode);

        var parsedStatic = VietQrPayload.Parse(staticCode);
        Assert.False(parsedStatic.IsDynamic);
        Assert.Null(parsedStatic.Amount);
        Assert.True(VietQrPayload.Parse(dynamicCode).IsDynamic);
    }

    [Fact]
    public void Tag38_NestsGuidBeneficiaryAndServiceCode()
    {
        var payload = VietQrPayload.Build("970415", "0011001932418");
        const string beneficiary = "0006970415" + "01130011001932418";
        const string tag38 = "0010A000000727" + "0127" + beneficiary + "0208QRIBFTTA";

        Assert.Equal(27, beneficiary.Length);
        Assert.Equal(57, tag38.Length);
        Assert.Contains("3857" + tag38 + "5303704", payload);
    }

    [Fact]
    public void Parse_RoundTripsEveryField()
    {
        var fields = VietQrPayload.Parse(VietQrPayload.Build("970436", "ABC123", 1_943_000m, "Phí gửi xe Đà Nẵng"));

        Assert.Equal(
            new VietQrFields("01", "12", "A000000727", "970436", "ABC123", "QRIBFTTA", "704", 1_943_000m, "VN", "Phi gui xe Da Nang", fields.Crc),
            fields);
        Assert.Equal(fields, VietQrPayload.Parse(Golden) with { BankBin = "970436", AccountNumber = "ABC123", Amount = 1_943_000m, Purpose = "Phi gui xe Da Nang", Crc = fields.Crc });
    }

    [Fact]
    public void Parse_DetectsACrcMismatch_AndMalformedPayloads()
    {
        var tamperedAmount = Golden.Replace("54047000", "54049000", StringComparison.Ordinal);
        var wrongCrc = Golden[..^4] + "E347";

        Assert.Contains("CRC mismatch", Assert.Throws<FormatException>(() => VietQrPayload.Parse(tamperedAmount)).Message);
        Assert.Contains("CRC mismatch", Assert.Throws<FormatException>(() => VietQrPayload.Parse(wrongCrc)).Message);
        Assert.False(VietQrPayload.TryParse(wrongCrc, out var none, out var error));
        Assert.Null(none);
        Assert.Contains("E347", error);

        Assert.Throws<FormatException>(() => VietQrPayload.Parse(""));
        Assert.Throws<FormatException>(() => VietQrPayload.Parse(Golden[..^8]));
        Assert.Throws<FormatException>(() => VietQrPayload.Parse("0002013999x"));
        Assert.True(VietQrPayload.TryParse(Golden, out var ok, out _));
        Assert.Equal(7000m, ok!.Amount);
    }

    [Fact]
    public void Parse_RejectsAnotherSchemeEvenWithAValidCrc()
    {
        var body = "000201010211" + "3854" + "0010A000000999" + "01240006970436011010234567890208QRIBFTTA" + "5303704" + "5802VN" + "6304";
        var payload = body + BitByBitCrc(body).ToString("X4");

        Assert.Contains("A000000727", Assert.Throws<FormatException>(() => VietQrPayload.Parse(payload)).Message);
    }

    [Theory]
    [InlineData("97043", "123", null, null, "Bank BIN")]
    [InlineData("97043a", "123", null, null, "Bank BIN")]
    [InlineData("970436", "", null, null, "Account number")]
    [InlineData("970436", "12345678901234567890", null, null, "Account number")]
    [InlineData("970436", "123-456", null, null, "Account number")]
    [InlineData("970436", "123", "-1", null, "positive")]
    [InlineData("970436", "123", "0", null, "positive")]
    [InlineData("970436", "123", "1000.5", null, "whole numbers")]
    [InlineData("970436", "123", "12345678901234", null, "13 digits")]
    [InlineData("970436", "123", "1000", "Thanh toan phi gui xe thang 6", "at most 25")]
    [InlineData("970436", "123", "1000", "Parking €5", "U+20AC")]
    [InlineData("970436", "123", "1000", "停车", "U+505C")]
    public void InvalidInput_IsRejectedWithAClearMessage(string bin, string account, string? amount, string? purpose, string expected)
    {
        decimal? value = amount is null ? null : decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        var error = Assert.ThrowsAny<ArgumentException>(() => VietQrPayload.Build(bin, account, value, purpose));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Purpose_LosesVietnameseDiacritics_IsTrimmed_AndBlankMeansNone()
    {
        Assert.Equal("Phi gui xe Dang Duc", VietQrPayload.NormalizePurpose("  Phí gửi xe Đặng Đức "));
        Assert.Equal("Ho Chi Minh", VietQrPayload.NormalizePurpose("Hồ Chí Minh"));
        Assert.Equal(VietQrPayload.Build("970436", "123", 1000m), VietQrPayload.Build("970436", "123", 1000m, "   "));
        Assert.Equal(25, VietQrPayload.NormalizePurpose(new string('a', 25)).Length);
    }

    [Fact]
    public void Renderer_ProducesAPngAndAnSvg()
    {
        var png = Convert.FromBase64String(QrCodeRenderer.RenderPngBase64(Golden));
        var svg = QrCodeRenderer.RenderSvg(Golden);

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
        Assert.Contains("<svg", svg);
        Assert.Throws<ArgumentOutOfRangeException>(() => QrCodeRenderer.RenderPng(Golden, 0));
    }

    // Independent of the product's table-driven CRC: feed the message one bit at a time, MSB first.
    private static int BitByBitCrc(string text)
    {
        var crc = 0xFFFF;
        foreach (var b in Encoding.ASCII.GetBytes(text))
        {
            for (var bit = 7; bit >= 0; bit--)
            {
                var top = ((crc >> 15) & 1) ^ ((b >> bit) & 1);
                crc = (crc << 1) & 0xFFFF;
                if (top == 1)
                {
                    crc ^= 0x1021;
                }
            }
        }

        return crc;
    }
}
