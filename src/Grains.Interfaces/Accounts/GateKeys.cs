using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>
/// Gate keys: 32 random bytes, base64url (43 characters). Only SHA-256 of the key bytes is sent to the cluster and
/// stored; a fast hash is enough because the key is random, not a password.
/// </summary>
public static partial class GateKeys
{
    private const int KeyBytes = 32;

    public static (string Key, byte[] Hash) NewKey()
    {
        var bytes = RandomNumberGenerator.GetBytes(KeyBytes);
        return (Base64Url.EncodeToString(bytes), SHA256.HashData(bytes));
    }

    /// <summary>A short label for the key, shown to admins and carried in the gate's claims; not secret.</summary>
    public static string NewKeyId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    public static bool TryHash(string presented, out byte[] hash)
    {
        Span<byte> bytes = stackalloc byte[KeyBytes];
        if (presented.Length != Base64Url.GetEncodedLength(KeyBytes)
            || !Base64Url.TryDecodeFromChars(presented, bytes, out var written)
            || written != KeyBytes)
        {
            hash = [];
            return false;
        }

        hash = SHA256.HashData(bytes);
        return true;
    }

    public static bool IsValidGateId(string? gateId) => gateId is not null && GateIdPattern().IsMatch(gateId);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z")]
    private static partial Regex GateIdPattern();
}
