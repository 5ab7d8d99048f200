namespace ParkingGrains.GateAgent.Devices;

/// <summary>What the lane display shows: two lines, e.g. "Welcome 51F-123.45" / "Go to B2, slot 14".</summary>
public sealed record LaneDisplayText(string Line1, string Line2, DateTimeOffset ShownAt)
{
    /// <summary>Characters per line of the display; longer text is cut (ending with "…") rather than scrolled.</summary>
    public const int MaxLineLength = 32;

    /// <summary>
    /// Makes text fit for the display: control and bidi/zero-width characters removed (a plate read or a lot name must
    /// not reorder or hide what the driver reads), whitespace collapsed, cut to <see cref="MaxLineLength"/>.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var cleaned = new System.Text.StringBuilder(Math.Min(text.Length, MaxLineLength + 1));
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = cleaned.Length > 0;
                continue;
            }

            if (Grains.Interfaces.Validation.TextRules.IsUnsafe(c))
            {
                continue;
            }

            if (space)
            {
                cleaned.Append(' ');
                space = false;
            }

            cleaned.Append(c);
            if (cleaned.Length > MaxLineLength)
            {
                break;
            }
        }

        return cleaned.Length > MaxLineLength ? cleaned.ToString(0, MaxLineLength - 1) + "…" : cleaned.ToString();
    }
}
