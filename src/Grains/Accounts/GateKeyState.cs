namespace ParkingGrains.Grains.Accounts;

public sealed class GateKeyState
{
    public string? KeyId { get; set; }

    /// <summary>SHA-256 of the current key; the key itself is never stored.</summary>
    public byte[]? KeyHash { get; set; }

    public DateTimeOffset IssuedAt { get; set; }
}
