using System.Globalization;
using System.Text;

namespace ParkingGrains.Domain.Payments;

/// <summary>
/// VietQR: an EMVCo merchant-presented QR payload with the NAPAS profile (bank transfer to an account).
/// Every field is ID (2 digits) + length (2 digits) + value; the payload ends with tag 63, a CRC-16/CCITT-FALSE
/// over everything before its value, "6304" included. Pure and allocation-light; no I/O.
/// </summary>
public static class VietQrPayload
{
    public const string NapasGuid = "A000000727";
    public const string AccountTransferService = "QRIBFTTA";
    public const string CardTransferService = "QRIBFTTC";
    public const string VndCurrency = "704";
    public const string Vietnam = "VN";
    public const string StaticInitiation = "11";
    public const string DynamicInitiation = "12";
    public const int MaxPurposeLength = 25;
    public const int MaxAmountLength = 13;
    public const int MaxAccountLength = 19;

    private const string CrcTagAndLength = "6304";
    private static readonly ushort[] s_crcTable = BuildCrcTable();

    /// <summary>
    /// Builds a payload: static (point of initiation "11", no amount) when <paramref name="amount"/> is null,
    /// dynamic ("12", tag 54) otherwise. The purpose loses its Vietnamese diacritics (see <see cref="NormalizePurpose"/>).
    /// </summary>
    /// <exception cref="ArgumentException">A field is missing, malformed or too long.</exception>
    public static string Build(string bankBin, string accountNumber, decimal? amount = null, string? purpose = null)
    {
        ValidateBankBin(bankBin);
        ValidateAccountNumber(accountNumber);
        var amountText = amount is { } value ? FormatAmount(value) : null;
        var purposeText = string.IsNullOrWhiteSpace(purpose) ? null : NormalizePurpose(purpose);

        var beneficiary = Field("00", bankBin) + Field("01", accountNumber);
        var merchantAccount = Field("00", NapasGuid) + Field("01", beneficiary) + Field("02", AccountTransferService);

        var payload = new StringBuilder(160)
            .Append(Field("00", "01"))
            .Append(Field("01", amountText is null ? StaticInitiation : DynamicInitiation))
            .Append(Field("38", merchantAccount))
            .Append(Field("53", VndCurrency));
        if (amountText is not null)
        {
            payload.Append(Field("54", amountText));
        }

        payload.Append(Field("58", Vietnam));
        if (purposeText is not null)
        {
            payload.Append(Field("62", Field("08", purposeText)));
        }

        payload.Append(CrcTagAndLength);
        return payload.Append(Crc16Hex(payload.ToString())).ToString();
    }

    /// <summary>
    /// Reads a payload back into its fields, verifying the TLV structure, the NAPAS profile and the CRC.
    /// Top-level tags this profile does not use (e.g. 59 merchant name) are skipped.
    /// </summary>
    /// <exception cref="FormatException">The payload is malformed, not a NAPAS transfer, or its CRC does not match.</exception>
    public static VietQrFields Parse(string payload)
    {
        if (string.IsNullOrEmpty(payload))
        {
            throw new FormatException("The payload is empty.");
        }

        var top = ReadFields(payload, "payload");
        if (top.Count == 0 || top[^1].Id != "63" || top[^1].Value.Length != 4 || !payload.EndsWith(top[^1].Value, StringComparison.Ordinal))
        {
            throw new FormatException("The payload must end with the CRC field 63 (length 04).");
        }

        var written = top[^1].Value;
        var computed = Crc16Hex(payload[..^4]);
        if (!string.Equals(written, computed, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"CRC mismatch: the payload says {written}, its content gives {computed}.");
        }

        var fields = top.ToDictionary(f => f.Id, f => f.Value, StringComparer.Ordinal);
        var format = Require(fields, "00", "payload format indicator");
        if (format != "01")
        {
            throw new FormatException($"Payload format indicator (00) must be \"01\", not \"{format}\".");
        }

        var initiation = Require(fields, "01", "point of initiation");
        if (initiation is not (StaticInitiation or DynamicInitiation))
        {
            throw new FormatException($"Point of initiation (01) must be \"11\" (static) or \"12\" (dynamic), not \"{initiation}\".");
        }

        var merchant = ReadFields(Require(fields, "38", "merchant account information"), "tag 38").ToDictionary(f => f.Id, f => f.Value, StringComparer.Ordinal);
        var guid = Require(merchant, "00", "tag 38 GUID");
        if (guid != NapasGuid)
        {
            throw new FormatException($"Tag 38 GUID must be {NapasGuid} (NAPAS), not \"{guid}\".");
        }

        var beneficiary = ReadFields(Require(merchant, "01", "tag 38 beneficiary"), "tag 38/01").ToDictionary(f => f.Id, f => f.Value, StringComparer.Ordinal);
        var bin = Require(beneficiary, "00", "bank BIN");
        var account = Require(beneficiary, "01", "account number");
        var service = Require(merchant, "02", "tag 38 service code");
        if (service is not (AccountTransferService or CardTransferService))
        {
            throw new FormatException($"Tag 38 service code must be {AccountTransferService} or {CardTransferService}, not \"{service}\".");
        }

        decimal? amount = null;
        if (fields.TryGetValue("54", out var amountText))
        {
            if (!decimal.TryParse(amountText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) || parsed <= 0)
            {
                throw new FormatException($"Amount (54) \"{amountText}\" is not a positive number.");
            }

            amount = parsed;
        }

        string? purpose = null;
        if (fields.TryGetValue("62", out var additional))
        {
            purpose = ReadFields(additional, "tag 62").Where(f => f.Id == "08").Select(f => f.Value).FirstOrDefault();
        }

        return new VietQrFields(format, initiation, guid, bin, account, service, Require(fields, "53", "currency"), amount, Require(fields, "58", "country code"), purpose, written);
    }

    /// <summary>Like <see cref="Parse"/> but returns the reason instead of throwing (for bank callbacks and form input).</summary>
    public static bool TryParse(string? payload, out VietQrFields? fields, out string? error)
    {
        try
        {
            fields = Parse(payload ?? "");
            error = null;
            return true;
        }
        catch (FormatException e)
        {
            (fields, error) = (null, e.Message);
            return false;
        }
    }

    /// <summary>
    /// Banking apps only handle ASCII in the transfer description, and a bank may reject or mangle anything else.
    /// So Vietnamese diacritics are removed ("Phí gửi xe" → "Phi gui xe", đ → d), the result trimmed, and any other
    /// non-ASCII or control character is rejected rather than guessed at. Never truncated: the purpose is what the
    /// payment is reconciled by, so a silently shortened one could match the wrong stay.
    /// </summary>
    /// <exception cref="ArgumentException">Non-ASCII after normalisation, or longer than <see cref="MaxPurposeLength"/>.</exception>
    public static string NormalizePurpose(string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        var decomposed = purpose.Trim().Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var ascii = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (c is < ' ' or > '~')
            {
                throw new ArgumentException($"Purpose \"{purpose}\" contains '{c}' (U+{(int)c:X4}); only ASCII letters, digits, punctuation and Vietnamese letters (without their marks) are allowed.", nameof(purpose));
            }

            ascii.Append(c);
        }

        if (ascii.Length > MaxPurposeLength)
        {
            throw new ArgumentException($"Purpose \"{ascii}\" is {ascii.Length} characters; VietQR allows at most {MaxPurposeLength}.", nameof(purpose));
        }

        return ascii.ToString();
    }

    /// <summary>CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final XOR) of the UTF-8 bytes, as 4 upper-case hex digits.</summary>
    public static string Crc16Hex(string data) => Crc16(Encoding.UTF8.GetBytes(data)).ToString("X4", CultureInfo.InvariantCulture);

    public static ushort Crc16(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (var b in data)
        {
            crc = (ushort)((crc << 8) ^ s_crcTable[(crc >> 8) ^ b]);
        }

        return crc;
    }

    private static ushort[] BuildCrcTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = (ushort)(i << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }

            table[i] = crc;
        }

        return table;
    }

    private static void ValidateBankBin(string bankBin)
    {
        if (bankBin is not { Length: 6 } || !bankBin.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"Bank BIN must be exactly 6 digits (e.g. 970436), not \"{bankBin}\".", nameof(bankBin));
        }
    }

    private static void ValidateAccountNumber(string accountNumber)
    {
        if (string.IsNullOrEmpty(accountNumber) || accountNumber.Length > MaxAccountLength || !accountNumber.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"Account number must be 1–{MaxAccountLength} ASCII letters or digits, not \"{accountNumber}\".", nameof(accountNumber));
        }
    }

    private static string FormatAmount(decimal amount)
    {
        // VND has no minor unit: 1,943,000 VND is "1943000"; anything with a fraction is a caller's mistake.
        if (amount <= 0)
        {
            throw new ArgumentException($"Amount must be positive, not {amount.ToString(CultureInfo.InvariantCulture)}.", nameof(amount));
        }

        if (decimal.Truncate(amount) != amount)
        {
            throw new ArgumentException($"Amount {amount.ToString(CultureInfo.InvariantCulture)} VND has a fraction; VND amounts are whole numbers.", nameof(amount));
        }

        var text = amount.ToString("0", CultureInfo.InvariantCulture);
        if (text.Length > MaxAmountLength)
        {
            throw new ArgumentException($"Amount {text} is longer than {MaxAmountLength} digits.", nameof(amount));
        }

        return text;
    }

    private static string Field(string id, string value)
    {
        if (value.Length > 99)
        {
            throw new ArgumentException($"Field {id} is {value.Length} characters; a field holds at most 99.");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{id}{value.Length:D2}{value}");
    }

    private static List<(string Id, string Value)> ReadFields(string text, string where)
    {
        var fields = new List<(string Id, string Value)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            if (i + 4 > text.Length || !IsTwoDigits(text, i) || !IsTwoDigits(text, i + 2))
            {
                throw new FormatException($"Malformed field header at position {i} in {where}.");
            }

            var id = text.Substring(i, 2);
            var length = int.Parse(text.AsSpan(i + 2, 2), CultureInfo.InvariantCulture);
            if (i + 4 + length > text.Length)
            {
                throw new FormatException($"Field {id} in {where} claims {length} characters but only {text.Length - i - 4} remain.");
            }

            if (!seen.Add(id))
            {
                throw new FormatException($"Field {id} appears twice in {where}.");
            }

            fields.Add((id, text.Substring(i + 4, length)));
            i += 4 + length;
        }

        return fields;
    }

    private static bool IsTwoDigits(string text, int at) => char.IsAsciiDigit(text[at]) && char.IsAsciiDigit(text[at + 1]);

    private static string Require(Dictionary<string, string> fields, string id, string name) =>
        fields.TryGetValue(id, out var value) ? value : throw new FormatException($"Missing {name} (field {id}).");
}
