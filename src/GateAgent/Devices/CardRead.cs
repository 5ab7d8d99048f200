namespace ParkingGrains.GateAgent.Devices;

/// <summary>A card presented at the lane's reader (after validation and debounce).</summary>
public sealed record CardRead(string CardId, DateTimeOffset At, string Source)
{
    /// <summary>Longest card id (the contract's id limit).</summary>
    public const int MaxLength = 64;

    /// <summary>
    /// What a reader may send as a card id: 1–64 of <c>A–Z a–z 0–9 . _ : -</c> (decimal or hex UIDs, prefixed ids).
    /// Anything else is line noise or a wrong device on the port.
    /// </summary>
    public static bool IsValidId(ReadOnlySpan<char> id)
    {
        if (id.IsEmpty || id.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or ':' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
